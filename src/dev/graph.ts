/**
 * The flow graph: the documents a session visited (one node per method + path) and the
 * transitions between them (edges labelled with their cause: `Digits=1`, `speech "sales"`,
 * `timeout`, `DialCallStatus=busy`, `redirect`), accumulated over every call and message.
 * Pure data: built by the reducer in protocol.ts, on the server and in the page alike.
 */

/** Most nodes and edges kept; later ones are counted in `truncated`, not drawn. */
export const GRAPH_LIMITS = { nodes: 300, edges: 1000, conversations: 20 } as const;

export interface GraphNode {
  /** `METHOD path`, e.g. `POST /menu/choice`. */
  readonly id: string;
  /** Times it was requested. */
  readonly visits: number;
  /** The first document of a call or message. */
  readonly entry: boolean;
  /** Some answer of it could not be used (error status, malformed XML, invalid TwiML, timeout). */
  readonly failed: boolean;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** What caused the transition (`Digits=1`…), or why the request was made (`waitUrl`). */
  readonly label: string;
  readonly count: number;
}

export interface FlowGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The node of the latest request: the current step. */
  readonly current?: string;
  /** Where each recent conversation stands (`call:1` → node), so its next request draws an edge. */
  readonly cursors: Readonly<Record<string, string>>;
  /** Nodes or edges not added because the graph is at its limits. */
  readonly truncated: number;
}

/** What the graph needs to know of one request (a `RequestView` has it). */
export interface GraphStep {
  readonly conversation: string;
  readonly first: boolean;
  readonly node: string;
  readonly label?: string;
  readonly cause?: string;
  readonly error?: string;
}

/** The requests that move the flow on: the first one (`webhook`), `action`s and `redirect`s. */
const MOVING = new Set(['webhook', 'action', 'redirect']);

/**
 * Requests made on the side of the flow, which do not move it on: the queue's hold document
 * (`waitUrl`), callbacks.
 */
export function isSideRequest(label: string | undefined): boolean {
  return label !== undefined && !MOVING.has(label);
}

export function emptyGraph(): FlowGraph {
  return { nodes: [], edges: [], cursors: {}, truncated: 0 };
}

/** The graph with one more request. Never mutates `graph`. */
export function addToGraph(graph: FlowGraph, step: GraphStep): FlowGraph {
  let truncated = graph.truncated;
  const nodes = [...graph.nodes];
  const index = nodes.findIndex((n) => n.id === step.node);
  if (index >= 0) {
    const node = nodes[index];
    nodes[index] = {
      ...node,
      visits: node.visits + 1,
      entry: node.entry || step.first,
      failed: node.failed || step.error !== undefined,
    };
  } else if (nodes.length < GRAPH_LIMITS.nodes) {
    nodes.push({ id: step.node, visits: 1, entry: step.first, failed: step.error !== undefined });
  } else {
    return { ...graph, truncated: truncated + 1 };
  }

  const edges = [...graph.edges];
  const from = step.first ? undefined : graph.cursors[step.conversation];
  if (from !== undefined) {
    const label = isSideRequest(step.label) ? step.label! : (step.cause ?? step.label ?? '');
    const at = edges.findIndex((e) => e.from === from && e.to === step.node && e.label === label);
    if (at >= 0) edges[at] = { ...edges[at], count: edges[at].count + 1 };
    else if (edges.length < GRAPH_LIMITS.edges) edges.push({ from, to: step.node, label, count: 1 });
    else truncated++;
  }

  let cursors = graph.cursors;
  if (!isSideRequest(step.label)) {
    const { [step.conversation]: _previous, ...others } = graph.cursors;
    const recent = Object.entries(others).slice(-(GRAPH_LIMITS.conversations - 1));
    cursors = { ...Object.fromEntries(recent), [step.conversation]: step.node };
  }
  return { nodes, edges, current: step.node, cursors, truncated };
}
