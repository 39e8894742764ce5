/**
 * The flow graph: one node per method + path, edges labelled with what caused them, accumulated
 * over the session's calls and messages; side requests (a queue's hold music) draw an edge but do
 * not move the flow on. The reducer the page and the server share keeps it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToGraph, emptyGraph, GRAPH_LIMITS, type GraphStep, isSideRequest } from '../../src/dev/graph.js';
import { type DevConfig, initialState, LIMITS, reduce, type RequestView } from '../../src/dev/protocol.js';

const step = (conversation: string, node: string, more: Partial<GraphStep> = {}): GraphStep => ({
  conversation,
  first: false,
  node,
  ...more,
});

const walk = (steps: GraphStep[]) => steps.reduce(addToGraph, emptyGraph());

describe('the flow graph', () => {
  it('IVR: a call presses 1, so two nodes and an edge labelled Digits=1', () => {
    const graph = walk([
      step('call:1', 'POST /voice', { first: true }),
      step('call:1', 'POST /menu/choice', { label: 'action', cause: 'Digits=1' }),
    ]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['POST /voice', 'POST /menu/choice']);
    expect(graph.nodes[0]).toMatchObject({ entry: true, visits: 1 });
    expect(graph.edges).toEqual([{ from: 'POST /voice', to: 'POST /menu/choice', label: 'Digits=1', count: 1 }]);
    expect(graph.current).toBe('POST /menu/choice');
  });

  it('accumulates over calls: the same transition counts, a new one adds an edge', () => {
    const graph = walk([
      step('call:1', 'POST /voice', { first: true }),
      step('call:1', 'POST /menu/choice', { cause: 'Digits=1' }),
      step('call:2', 'POST /voice', { first: true }),
      step('call:2', 'POST /menu/choice', { cause: 'Digits=1' }),
      step('call:3', 'POST /voice', { first: true }),
      step('call:3', 'POST /menu/choice', { cause: 'speech "sales"' }),
      step('call:3', 'POST /menu/after-call', { cause: 'DialCallStatus=busy' }),
    ]);
    expect(graph.nodes.map((n) => [n.id, n.visits])).toEqual([
      ['POST /voice', 3],
      ['POST /menu/choice', 3],
      ['POST /menu/after-call', 1],
    ]);
    expect(graph.edges.map((e) => [e.label, e.count])).toEqual([
      ['Digits=1', 2],
      ['speech "sales"', 1],
      ['DialCallStatus=busy', 1],
    ]);
  });

  it('a redirect to the same path is a loop on its node', () => {
    const graph = walk([
      step('call:1', 'POST /voice', { first: true }),
      step('call:1', 'POST /voice', { label: 'redirect', cause: 'timeout' }),
    ]);
    expect(graph.nodes).toHaveLength(1);
    expect(graph.edges).toEqual([{ from: 'POST /voice', to: 'POST /voice', label: 'timeout', count: 1 }]);
  });

  it('a side request (waitUrl) draws an edge but the flow goes on from where it was', () => {
    const graph = walk([
      step('call:1', 'POST /menu/choice', { first: true }),
      step('call:1', 'POST /hold-music', { label: 'waitUrl' }),
      step('call:1', 'POST /after-queue', { label: 'action', cause: 'QueueResult=bridged' }),
    ]);
    expect(graph.edges.map((e) => `${e.from} → ${e.to}: ${e.label}`)).toEqual([
      'POST /menu/choice → POST /hold-music: waitUrl',
      'POST /menu/choice → POST /after-queue: QueueResult=bridged',
    ]);
    expect(isSideRequest('waitUrl')).toBe(true);
    expect([isSideRequest('action'), isSideRequest('redirect'), isSideRequest(undefined)]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('interleaved conversations keep their own positions', () => {
    const graph = walk([
      step('call:1', 'POST /voice', { first: true }),
      step('message:1', 'POST /sms', { first: true }),
      step('call:1', 'POST /menu/choice', { cause: 'Digits=2' }),
      step('message:1', 'POST /sms/more', { cause: 'redirect' }),
    ]);
    expect(graph.edges.map((e) => `${e.from} → ${e.to}`)).toEqual([
      'POST /voice → POST /menu/choice',
      'POST /sms → POST /sms/more',
    ]);
  });

  it('marks documents whose answer failed', () => {
    const graph = walk([step('call:1', 'POST /voice', { first: true, error: 'answered 500' })]);
    expect(graph.nodes[0].failed).toBe(true);
  });

  it('stays within its limits, whatever the walk (and never mutates)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            conversation: fc.integer({ min: 1, max: 30 }),
            node: fc.integer({ min: 0, max: 400 }),
            first: fc.boolean(),
            cause: fc.string({ maxLength: 4 }),
          }),
          { maxLength: 600 },
        ),
        (steps) => {
          let graph = emptyGraph();
          for (const s of steps) {
            const before = JSON.stringify(graph);
            const next = addToGraph(
              graph,
              step(`call:${s.conversation}`, `POST /n${s.node}`, { first: s.first, cause: s.cause }),
            );
            expect(JSON.stringify(graph)).toBe(before);
            graph = next;
          }
          expect(graph.nodes.length).toBeLessThanOrEqual(GRAPH_LIMITS.nodes);
          expect(graph.edges.length).toBeLessThanOrEqual(GRAPH_LIMITS.edges);
          expect(Object.keys(graph.cursors).length).toBeLessThanOrEqual(GRAPH_LIMITS.conversations);
          for (const edge of graph.edges) {
            expect(graph.nodes.some((n) => n.id === edge.from)).toBe(true);
            expect(graph.nodes.some((n) => n.id === edge.to)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the page state reducer', () => {
  const config: DevConfig = {
    target: 'app.tsx',
    mode: 'module',
    voice: '/voice',
    sms: '/sms',
    from: '+15555550100',
    to: '+15555550199',
    signed: true,
  };
  const request = (id: number): RequestView => ({
    id,
    conversation: 'call:1',
    first: id === 1,
    method: 'POST',
    url: `https://example.com/r${id}`,
    display: `/r${id}`,
    node: `POST /r${id % 5}`,
    params: {},
    status: 200,
    contentType: 'text/xml',
    startedAt: 0,
    problems: [],
  });

  it('follows a call and ignores events of an earlier one', () => {
    let state = initialState(config, { status: 'loaded', version: 1 });
    state = reduce(state, { type: 'call', id: 1, from: 'a', to: 'b' });
    state = reduce(state, { type: 'call', id: 2, from: 'a', to: 'b' });
    state = reduce(state, { type: 'status', call: 1, status: 'failed', reason: 'late' });
    state = reduce(state, { type: 'status', call: 2, status: 'in-progress' });
    state = reduce(state, {
      type: 'waiting',
      call: 2,
      waiting: { id: 7, input: ['dtmf'], finishOnKey: '#', timeout: 5, keys: '' },
    });
    state = reduce(state, { type: 'keys', call: 2, waiting: 6, keys: '9' });
    state = reduce(state, { type: 'keys', call: 2, waiting: 7, keys: '12' });
    expect(state.call).toMatchObject({ id: 2, status: 'in-progress', waiting: { id: 7, keys: '12' } });
    expect(state.call?.reason).toBeUndefined();
    state = reduce(state, { type: 'waiting', call: 2 });
    expect(state.call?.waiting).toBeUndefined();
  });

  it('keeps the last requests and transcript entries, counting the dropped ones', () => {
    let state = initialState(config, { status: 'loaded', version: 1 });
    state = reduce(state, { type: 'call', id: 1, from: 'a', to: 'b' });
    for (let i = 1; i <= LIMITS.requests + 5; i++) state = reduce(state, { type: 'request', request: request(i) });
    for (let i = 1; i <= LIMITS.transcript + 3; i++) {
      state = reduce(state, {
        type: 'transcript',
        call: 1,
        item: { seq: i, at: 0, entry: { verb: 'Pause', seconds: 1 } },
      });
    }
    expect(state.requests).toHaveLength(LIMITS.requests);
    expect(state.droppedRequests).toBe(5);
    expect(state.requests[0].id).toBe(6);
    expect(state.call?.transcript).toHaveLength(LIMITS.transcript);
    expect(state.call?.dropped).toBe(3);
    expect(state.graph.nodes.reduce((sum, n) => sum + n.visits, 0)).toBe(LIMITS.requests + 5);
  });
});
