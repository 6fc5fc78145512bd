// d3-sankey 0.12.3 ships no types; the benchmark uses only this much of it as its reference.
declare module 'd3-sankey' {
  interface SankeyGenerator {
    (graph: { nodes: object[]; links: object[] }): { nodes: object[]; links: object[] };
    nodeId(f: (n: { id: string }) => string): SankeyGenerator;
    nodeWidth(w: number): SankeyGenerator;
    nodePadding(p: number): SankeyGenerator;
    extent(e: [[number, number], [number, number]]): SankeyGenerator;
    iterations(n: number): SankeyGenerator;
  }
  export function sankey(): SankeyGenerator;
}
