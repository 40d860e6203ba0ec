// Minimum-cost circulation by successive shortest paths with potentials, opened one arc at a time
// (decisions 073 and 074). Costs are integers (micro-points), so every comparison is exact.
//
// The caller builds a network with a source S, arcs S → v of capacity 1 that start closed, and a closing arc from
// its sink back to S of cost 0. Invariant: every residual arc has a non-negative reduced cost
// c(a, b) + π(a) − π(b) ≥ 0, which means the current flow has no negative cycle, i.e. it is a minimum-cost
// circulation of the arcs opened so far. Opening an arc a → b can only create negative cycles through that arc:
// a → b ⇝ a. Dijkstra from b finds the cheapest such cycle; if it is negative we push one unit around it. Updating
// π(x) += min(d(x), d(a)) then restores the invariant for every arc, the opened one included.
//
// Arcs may be added after solving has begun (pricing, decision 074): the flow and the potentials of the arcs already
// there stay as they are, and each new arc is opened like any other. Every array is allocated once, from the most
// arcs and the most arcs per node the caller announces, so solving allocates nothing per arc.

const NONE = -1;

export type NetworkSize = {
  nodeCount: number;
  source: number;
  /** The most arcs (each with its reverse counted once) the network will hold. */
  maxArcs: number;
  /** Per node, the most arcs that will start or end there (an arc and its reverse each count once at their tail). */
  maxDegree: Int32Array;
};

export class IncrementalCirculation {
  readonly nodeCount: number;
  readonly source: number;
  private arcCount = 0;
  private readonly capacity: Int32Array;
  private readonly residual: Int32Array;
  private readonly cost: Float64Array;
  private readonly head: Int32Array;
  private readonly adjacencyStart: Int32Array;
  private readonly degree: Int32Array;
  private readonly adjacency: Int32Array;
  readonly potential: Float64Array;
  private readonly distance: Float64Array;
  private readonly parentArc: Int32Array;
  private readonly settled: Uint8Array;
  private readonly touched: Int32Array;
  private readonly heap: BinaryHeap;

  constructor(size: NetworkSize) {
    const { nodeCount, source, maxArcs, maxDegree } = size;
    this.nodeCount = nodeCount;
    this.source = source;
    this.capacity = new Int32Array(2 * maxArcs);
    this.residual = new Int32Array(2 * maxArcs);
    this.cost = new Float64Array(2 * maxArcs);
    this.head = new Int32Array(2 * maxArcs);
    this.adjacencyStart = new Int32Array(nodeCount + 1);
    for (let node = 0; node < nodeCount; node++) this.adjacencyStart[node + 1] = this.adjacencyStart[node] + maxDegree[node];
    this.degree = new Int32Array(nodeCount);
    this.adjacency = new Int32Array(this.adjacencyStart[nodeCount]);
    this.potential = new Float64Array(nodeCount);
    this.distance = new Float64Array(nodeCount).fill(Infinity);
    this.parentArc = new Int32Array(nodeCount);
    this.settled = new Uint8Array(nodeCount);
    this.touched = new Int32Array(nodeCount);
    this.heap = new BinaryHeap(nodeCount);
  }

  /**
   * Adds an arc and its reverse (ids a and a ^ 1); returns a. Capacity 0 arcs (source arcs), and arcs that start
   * closed, are opened later. Arcs are listed at their nodes in the order they are added, which decides ties between
   * equally cheap paths.
   */
  addArc(from: number, to: number, capacity: number, cost: number, startsClosed = false): number {
    const id = this.arcCount;
    if (id + 1 >= this.residual.length) throw new Error("More arcs than the network was sized for.");
    this.arcCount += 2;
    this.head[id] = to;
    this.head[id + 1] = from;
    this.capacity[id] = capacity;
    this.residual[id] = startsClosed ? 0 : capacity;
    this.residual[id + 1] = 0;
    this.cost[id] = cost;
    this.cost[id + 1] = -cost;
    this.list(from, id);
    this.list(to, id + 1);
    return id;
  }

  private list(node: number, arc: number) {
    const slot = this.adjacencyStart[node] + this.degree[node]++;
    if (slot >= this.adjacencyStart[node + 1]) throw new Error(`More arcs at node ${node} than the network was sized for.`);
    this.adjacency[slot] = arc;
  }

  /** Back to no flow and zero potentials, every arc at its capacity (source arcs closed), keeping every arc. */
  reset() {
    for (let arc = 0; arc < this.arcCount; arc += 2) {
      this.residual[arc] = this.capacity[arc];
      this.residual[arc + 1] = 0;
    }
    this.potential.fill(0);
  }

  residualCapacity(arc: number): number {
    return this.residual[arc];
  }

  /** Units of flow on arc a. */
  flow(arc: number): number {
    return this.residual[arc ^ 1];
  }

  /**
   * The lowest potentials that keep every residual arc's reduced cost non-negative for the source's own potential:
   * π*(x) = π(S) − (cost of the cheapest residual path x ⇝ S), −∞ where S is out of reach. Found by one Dijkstra
   * towards S over reversed arcs, with the current (valid) potentials making every cost non-negative.
   */
  lowestPotentials(): Float64Array {
    const { potential, residual, cost, head, adjacency, adjacencyStart, degree, heap } = this;
    const distance = this.distance.fill(Infinity);
    const settled = this.settled.fill(0);
    heap.clear();
    distance[this.source] = 0;
    heap.push(this.source, 0);
    while (heap.size > 0) {
      const node = heap.pop();
      if (settled[node]) continue;
      settled[node] = 1;
      const end = adjacencyStart[node] + degree[node];
      for (let index = adjacencyStart[node]; index < end; index++) {
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

  /**
   * Opens the closed source arc S → v (capacity 1) and pushes one unit around the cheapest cycle through it when
   * that cycle's cost is negative. Returns true when the unit was pushed. v must carry no flow (nothing enters it in
   * the residual network but S → v itself); it may have been opened before, and have gained arcs since.
   */
  open(sourceArc: number): boolean {
    const start = this.head[sourceArc];
    const { potential, residual, cost, head, adjacency, adjacencyStart, degree } = this;
    // v has no flow, so nothing but S → v enters it in the residual network: any potential that makes its outgoing
    // arcs non-negative keeps the invariant for every other arc. The smallest such keeps distances short.
    let startPotential = -Infinity;
    const end = adjacencyStart[start] + degree[start];
    for (let index = adjacencyStart[start]; index < end; index++) {
      const arc = adjacency[index];
      if (residual[arc] > 0) startPotential = Math.max(startPotential, potential[head[arc]] - cost[arc]);
    }
    if (startPotential === -Infinity) {
      residual[sourceArc] = 0;
      return false;
    }
    potential[start] = startPotential;
    residual[sourceArc] = 1;
    const outcome = this.search(start, this.source);
    if (outcome === Infinity) {
      // Nothing is reachable from v now (its arcs lead only into closed capacity); it stays without flow. Pricing
      // opens it again if it gains arcs.
      residual[sourceArc] = 0;
      this.resetSearch();
      return false;
    }
    return this.finish(sourceArc, start, this.source, outcome);
  }

  /**
   * Opens a closed arc a → b (capacity 1) whose tail a already carries flow: pushes one unit around the cheapest cycle
   * a → b ⇝ a when that cycle's cost is negative, and leaves the arc open otherwise. Returns true when pushed.
   */
  openArc(arc: number): boolean {
    const tail = this.head[arc ^ 1];
    const start = this.head[arc];
    this.raisePotential(tail);
    this.residual[arc] = 1;
    // The cycle is negative only if the path back costs less than the arc's reduced cost gains, so the search stops
    // at that bound: a search to the tail itself would cross most of the network, as every other officer is nearer.
    const bound = -(this.cost[arc] + this.potential[tail] - this.potential[start]);
    if (bound <= 0) return false;
    const reach = this.search(start, tail, bound);
    return this.finish(arc, start, tail, Math.min(reach, bound));
  }

  /**
   * Raises a node's potential as far as the residual arcs entering it allow. Arcs leaving it only gain, so the
   * invariant holds; a higher tail makes an arc about to be opened cheaper to decide (a smaller search bound).
   */
  private raisePotential(node: number) {
    const { potential, residual, cost, head, adjacency, adjacencyStart, degree } = this;
    let highest = Infinity;
    const end = adjacencyStart[node] + degree[node];
    for (let index = adjacencyStart[node]; index < end; index++) {
      const inward = adjacency[index] ^ 1;
      if (residual[inward] > 0) highest = Math.min(highest, potential[head[adjacency[index]]] + cost[inward]);
    }
    if (highest !== Infinity && highest > potential[node]) potential[node] = highest;
  }

  /**
   * Makes the given potentials (lowestPotentials()) the network's own where they are finite: they are valid, and
   * being the lowest they keep later searches short. Nodes that cannot reach the source (−∞ there) have no residual
   * arc leaving their set, so they keep their potentials, all lowered by as much as the arcs entering them need.
   */
  adoptPotentials(lowest: Float64Array) {
    const { potential, residual, cost, head } = this;
    let lowering = 0;
    for (let arc = 0; arc < this.arcCount; arc++) {
      if (residual[arc] <= 0) continue;
      const from = head[arc ^ 1];
      const to = head[arc];
      if (lowest[to] === -Infinity && lowest[from] !== -Infinity) lowering = Math.max(lowering, -(cost[arc] + lowest[from] - potential[to]));
    }
    for (let node = 0; node < this.nodeCount; node++) potential[node] = lowest[node] === -Infinity ? potential[node] - lowering : lowest[node];
  }

  private touchedCount = 0;

  /**
   * Dijkstra over reduced costs from start, stopping once nothing left can beat the target's distance (ties
   * included) or the bound. Returns the target's distance (Infinity when not reached). Leaves distance/parent/settled
   * set for the nodes in touched[0, touchedCount) until resetSearch().
   */
  private search(start: number, target: number, bound = Infinity): number {
    const { potential, residual, cost, head, adjacency, adjacencyStart, degree, distance, settled, parentArc, heap, touched } = this;
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
      if (distance[node] >= distance[target] || distance[node] >= bound) break;
      settled[node] = 1;
      const base = distance[node] + potential[node];
      const end = adjacencyStart[node] + degree[node];
      for (let index = adjacencyStart[node]; index < end; index++) {
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
    this.touchedCount = touchedCount;
    return distance[target];
  }

  private resetSearch() {
    const { distance, settled, touched } = this;
    for (let index = 0; index < this.touchedCount; index++) {
      distance[touched[index]] = Infinity;
      settled[touched[index]] = 0;
    }
    this.touchedCount = 0;
  }

  /**
   * After a search from start: pushes one unit around opened → path to target when that cycle is negative, then
   * updates the potentials with π(x) += min(d(x), reach). reach is the target's distance, or the bound the search
   * stopped at; every node nearer than reach is settled, which is what keeps every reduced cost non-negative.
   */
  private finish(opened: number, start: number, target: number, reach: number): boolean {
    const { potential, residual, head, parentArc, distance, settled, touched } = this;
    const cycleCost = this.cost[opened] + potential[target] - potential[start] + reach;
    const pushed = cycleCost < 0;
    if (pushed) {
      residual[opened] -= 1;
      residual[opened ^ 1] += 1;
      // With valid potentials the path has at most one arc per node; more means a defect, which must not hang.
      let steps = 0;
      for (let node = target; node !== start; ) {
        if (++steps > this.nodeCount) throw new Error("Matching: a reduced cost went negative (an engine defect).");
        const arc = parentArc[node];
        residual[arc] -= 1;
        residual[arc ^ 1] += 1;
        node = head[arc ^ 1];
      }
    }
    // π(x) += min(d(x), reach) for every x. Only differences of potentials ever matter, so instead of adding reach to
    // every node we subtract (reach − d(x)) from the settled ones: the same reduced costs, in time of the search.
    for (let index = 0; index < this.touchedCount; index++) {
      const node = touched[index];
      if (settled[node]) potential[node] -= reach - distance[node];
    }
    this.resetSearch();
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
