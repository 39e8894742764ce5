/** @jsxImportSource preact */
/**
 * The flow graph as an SVG: one box per document (method + path), one arrow per transition,
 * labelled with its cause. dagre lays it out; the current step is highlighted. A text list of
 * the transitions follows for screen readers.
 */
import dagre from '@dagrejs/dagre';
import { useMemo } from 'preact/hooks';
import type { FlowGraph } from '../graph.js';

/** Node and label text is monospace, so its width follows from its length. */
const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 34;
const LABEL_HEIGHT = 18;

interface Laid {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly {
    id: string;
    x: number;
    y: number;
    width: number;
    entry: boolean;
    failed: boolean;
    visits: number;
  }[];
  readonly edges: readonly {
    key: string;
    label: string;
    points: readonly { x: number; y: number }[];
    lx?: number;
    ly?: number;
    count: number;
  }[];
}

function lay(graph: FlowGraph): Laid {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 44, edgesep: 12, marginx: 12, marginy: 12 });
  for (const node of graph.nodes) {
    g.setNode(node.id, { width: node.id.length * CHAR_WIDTH + 24, height: NODE_HEIGHT });
  }
  // An edge taken several times says how many.
  const labels = graph.edges.map((edge) => (edge.count > 1 ? `${edge.label} ×${edge.count}` : edge.label));
  graph.edges.forEach((edge, i) => {
    const label = labels[i];
    g.setEdge(
      edge.from,
      edge.to,
      { width: label.length * CHAR_WIDTH * 0.92 + 8, height: label ? LABEL_HEIGHT : 0, labelpos: 'c' },
      `e${i}`,
    );
  });
  dagre.layout(g);
  const info = g.graph();
  return {
    width: Math.max(1, info.width ?? 1),
    height: Math.max(1, info.height ?? 1),
    nodes: graph.nodes.map((node) => {
      const laid = g.node(node.id);
      return { ...node, x: laid.x ?? 0, y: laid.y ?? 0, width: laid.width };
    }),
    edges: graph.edges.map((edge, i) => {
      const laid = g.edge({ v: edge.from, w: edge.to, name: `e${i}` });
      return {
        key: `e${i}`,
        label: labels[i],
        points: laid.points ?? [],
        ...(laid.x !== undefined && laid.y !== undefined ? { lx: laid.x, ly: laid.y } : {}),
        count: edge.count,
      };
    }),
  };
}

/** A path through dagre's points, its bends rounded (each bend the control point of a curve). */
function pathOf(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const at = (p: { x: number; y: number }) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  let d = `M${at(points[0])}`;
  for (let i = 1; i < points.length - 1; i++) {
    d += ` Q${at(points[i])} ${at({ x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 })}`;
  }
  return `${d} L${at(points[points.length - 1])}`;
}

export function FlowGraphView({ graph }: { graph: FlowGraph }) {
  const laid = useMemo(() => lay(graph), [graph]);
  return (
    <section class="panel graph" aria-labelledby="graph-title">
      <h2 id="graph-title">Flow graph</h2>
      {graph.nodes.length === 0 ? (
        <p class="muted">The documents your calls and messages visit, and what led from one to the next.</p>
      ) : (
        <div class="canvas">
          <svg
            viewBox={`0 0 ${laid.width} ${laid.height}`}
            width={laid.width}
            height={laid.height}
            role="img"
            aria-label={`${graph.nodes.length} documents, ${graph.edges.length} transitions`}
          >
            <defs>
              <marker
                id="arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
              </marker>
            </defs>
            {laid.edges.map((edge) => (
              <g class="edge" key={edge.key} data-label={edge.label}>
                <path d={pathOf(edge.points)} marker-end="url(#arrow)" />
                {edge.label && edge.lx !== undefined && edge.ly !== undefined && (
                  <text x={edge.lx} y={edge.ly} dy="0.35em" text-anchor="middle">
                    {edge.label}
                  </text>
                )}
              </g>
            ))}
            {laid.nodes.map((node) => (
              <g
                class={`node${node.id === graph.current ? ' current' : ''}${node.entry ? ' entry' : ''}${node.failed ? ' failed' : ''}`}
                key={node.id}
                data-node={node.id}
                transform={`translate(${node.x - node.width / 2},${node.y - NODE_HEIGHT / 2})`}
              >
                <title>
                  {node.id}: {node.visits} request{node.visits === 1 ? '' : 's'}
                  {node.id === graph.current ? ' (current step)' : ''}
                </title>
                <rect width={node.width} height={NODE_HEIGHT} rx="7" />
                <text x={node.width / 2} y={NODE_HEIGHT / 2} dy="0.35em" text-anchor="middle">
                  {node.id}
                </text>
              </g>
            ))}
          </svg>
        </div>
      )}
      <ul class="sr-only" aria-label="Transitions">
        {graph.edges.map((edge, i) => (
          <li key={i}>
            {edge.from} → {edge.to}
            {edge.label ? `: ${edge.label}` : ''}
          </li>
        ))}
      </ul>
      {graph.truncated > 0 && <p class="muted">{graph.truncated} more steps not drawn (the graph is full).</p>}
    </section>
  );
}
