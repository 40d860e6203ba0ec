// Minimum-cost circulation by successive shortest paths with potentials, opened one source arc at a time
// (decision 073). Costs are integers (micro-points), so every comparison is exact.
//
// The caller builds a network with a source S, arcs S → v of capacity 1 that start closed, and a closing arc from
// its sink back to S of cost 0. Invariant: every residual arc has a non-negative reduced cost
// c(a, b) + π(a) − π(b) ≥ 0, which means the current flow has no negative cycle, i.e. it is a minimum-cost
// circulation of the arcs opened so far. Opening S → v can only create negative cycles through that arc:
// S → v ⇝ S, where ⇝ S is either "… → sink → S" (one more unit of flow) or "… → w → S" (w gives its unit to v).
// Dijkstra from v finds the cheapest such cycle; if it is negative we push one unit around it. Updating
// π(x) += min(d(x), d(S)) then restores the invariant for every arc, the opened one included.

const NONE = -1;

export class IncrementalCirculation {
  readonly nodeCount: number;
  readonly source: number;
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly initialCapacity: number[] = [];
  private readonly arcCost: number[] = [];
  private residual = new Float64Array(0);
  private cost = new Float64Array(0);
  private head = new Int32Array(0);
  private adjacencyStart = new Int32Array(0);
  private adjacency = new Int32Array(0);
  readonly potential: Float64Array;
  private readonly distance: Float64Array;
  private readonly parentArc: Int32Array;
  private readonly settled: Uint8Array;
  private readonly touched: Int32Array;
  private readonly heap: BinaryHeap;
  private built = false;

  constructor(nodeCount: number, source: number) {
    this.nodeCount = nodeCount;
    this.source = source;
    this.potential = new Float64Array(nodeCount);
    this.distance = new Float64Array(nodeCount);
    this.parentArc = new Int32Array(nodeCount);
    this.settled = new Uint8Array(nodeCount);
    this.touched = new Int32Array(nodeCount);
    this.distance.fill(Infinity);
    this.heap = new BinaryHeap(nodeCount);
  }

  /** Adds an arc and its reverse (ids a and a ^ 1); returns a. Capacity 0 arcs can be opened later. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.built) throw new Error("The network is already built.");
    const id = this.from.length;
    this.from.push(from, to);
    this.to.push(to, from);
    this.initialCapacity.push(capacity, 0);
    this.arcCost.push(cost, -cost);
    return id;
  }

  build(): void {
    const arcCount = this.from.length;
    this.residual = Float64Array.from(this.initialCapacity);
    this.cost = Float64Array.from(this.arcCost);
    this.head = Int32Array.from(this.to);
    const degree = new Int32Array(this.nodeCount + 1);
    for (let arc = 0; arc < arcCount; arc++) degree[this.from[arc] + 1]++;
    for (let node = 0; node < this.nodeCount; node++) degree[node + 1] += degree[node];
    this.adjacencyStart = degree.slice();
    const fill = degree.slice(0, this.nodeCount);
    this.adjacency = new Int32Array(arcCount);
    for (let arc = 0; arc < arcCount; arc++) this.adjacency[fill[this.from[arc]]++] = arc;
    this.built = true;
  }

  residualCapacity(arc: number): number {
    return this.residual[arc];
  }

  /**
   * The lowest potentials that keep every residual arc's reduced cost non-negative for the source's own potential:
   * π*(x) = π(S) − (cost of the cheapest residual path x ⇝ S), −∞ where S is out of reach. Found by one Dijkstra
   * towards S over reversed arcs, with the current (valid) potentials making every cost non-negative.
   */
  lowestPotentials(): Float64Array {
    const { potential, residual, cost, head, adjacency, adjacencyStart, heap } = this;
    const distance = this.distance.fill(Infinity);
    const settled = this.settled.fill(0);
    heap.clear();
    distance[this.source] = 0;
    heap.push(this.source, 0);
    while (heap.size > 0) {
      const node = heap.pop();
      if (settled[node]) continue;
      settled[node] = 1;
      for (let index = adjacencyStart[node]; index < adjacencyStart[node + 1]; index++) {
        const inward = adjacency[index] ^ 1;
        if (residual[inward] <= 0) continue;
        const previous = head[inward ^ 1];
        const candidate = distance[node] + cost[inward] + potential[previous] - potential[node];
        if (candidate < distance[previous]) {
          distance[previous] = candidate;
          heap.push(previous, candidate);
        }
      }
    }
    const lowest = new Float64Array(this.nodeCount);
    for (let node = 0; node < this.nodeCount; node++) lowest[node] = potential[node] - distance[node];
    distance.fill(Infinity);
    settled.fill(0);
    return lowest;
  }

  /** Units of flow on arc a. */
  flow(arc: number): number {
    return this.residual[arc ^ 1];
  }

  /**
   * Opens the closed source arc S → v (capacity 1) and pushes one unit around the cheapest cycle through it when
   * that cycle's cost is negative. Returns true when the unit was pushed.
   */
  open(sourceArc: number): boolean {
    const start = this.head[sourceArc];
    const { potential, residual, cost, head, adjacency, adjacencyStart } = this;
    // v has no flow yet, so nothing enters it in the residual network: any potential that makes its outgoing arcs
    // non-negative keeps the invariant. The smallest such keeps distances short.
    let startPotential = -Infinity;
    for (let index = adjacencyStart[start]; index < adjacencyStart[start + 1]; index++) {
      const arc = adjacency[index];
      if (residual[arc] > 0) startPotential = Math.max(startPotential, potential[head[arc]] - cost[arc]);
    }
    if (startPotential === -Infinity) return false;
    potential[start] = startPotential;
    residual[sourceArc] = 1;

    const target = this.source;
    const { distance, settled, parentArc, heap, touched } = this;
    // Only the nodes this search reaches are reset afterwards: a search usually sees a small part of the network.
    let touchedCount = 0;
    heap.clear();
    distance[start] = 0;
    parentArc[start] = NONE;
    touched[touchedCount++] = start;
    heap.push(start, 0);
    while (heap.size > 0) {
      const node = heap.pop();
      if (settled[node]) continue;
      // Nothing left can beat the target's distance (ties included): it is final.
      if (distance[node] >= distance[target]) break;
      settled[node] = 1;
      const base = distance[node] + potential[node];
      for (let index = adjacencyStart[node]; index < adjacencyStart[node + 1]; index++) {
        const arc = adjacency[index];
        if (residual[arc] <= 0) continue;
        const next = head[arc];
        const candidate = base + cost[arc] - potential[next];
        if (candidate < distance[next]) {
          if (distance[next] === Infinity) touched[touchedCount++] = next;
          distance[next] = candidate;
          parentArc[next] = arc;
          heap.push(next, candidate);
        }
      }
    }
    const reach = distance[target];
    const reset = () => {
      for (let index = 0; index < touchedCount; index++) {
        distance[touched[index]] = Infinity;
        settled[touched[index]] = 0;
      }
    };
    if (reach === Infinity) {
      // Nothing is reachable from v now or later (its arcs lead only into closed capacity); it stays without flow.
      residual[sourceArc] = 0;
      reset();
      return false;
    }
    const cycleCost = potential[target] - potential[start] + reach;
    const pushed = cycleCost < 0;
    if (pushed) {
      residual[sourceArc] -= 1;
      residual[sourceArc ^ 1] += 1;
      for (let node = target; node !== start; ) {
        const arc = parentArc[node];
        residual[arc] -= 1;
        residual[arc ^ 1] += 1;
        node = head[arc ^ 1];
      }
    }
    // π(x) += min(d(x), reach) for every x. Only differences of potentials ever matter, so instead of adding reach to
    // every node we subtract (reach − d(x)) from the settled ones: the same reduced costs, in time of the search.
    for (let index = 0; index < touchedCount; index++) {
      const node = touched[index];
      if (settled[node]) potential[node] -= reach - distance[node];
    }
    reset();
    return pushed;
  }
}

/** A binary min-heap of (node, key) with lazy deletion: a node may be in it more than once. */
class BinaryHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(initialCapacity: number) {
    this.nodes = new Int32Array(Math.max(16, initialCapacity));
    this.keys = new Float64Array(Math.max(16, initialCapacity));
  }

  clear() {
    this.size = 0;
  }

  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    let index = this.size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.nodes[index] = this.nodes[parent];
      this.keys[index] = this.keys[parent];
      index = parent;
    }
    this.nodes[index] = node;
    this.keys[index] = key;
  }

  pop(): number {
    const top = this.nodes[0];
    const lastNode = this.nodes[--this.size];
    const lastKey = this.keys[this.size];
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= lastKey) break;
      this.nodes[index] = this.nodes[child];
      this.keys[index] = this.keys[child];
      index = child;
    }
    this.nodes[index] = lastNode;
    this.keys[index] = lastKey;
    return top;
  }
}
