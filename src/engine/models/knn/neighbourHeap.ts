// The k best candidates of one query, in a max-heap by (squared distance, training row index):
// the worst kept neighbour sits at the root, so a candidate is rejected with one comparison.

/** The result of one search: the k nearest training rows, nearest first. */
export interface Neighbours {
  /** Training row indices (length k). */
  indices: Int32Array;
  /** Squared Euclidean distances (length k). */
  squaredDistances: Float64Array;
}

/** A bounded max-heap of neighbours; reset() before each query. */
export class NeighbourHeap {
  private readonly distances: Float64Array;
  private readonly indices: Int32Array;
  private size = 0;
  private readonly result: Neighbours;

  constructor(private readonly k: number) {
    this.distances = new Float64Array(k);
    this.indices = new Int32Array(k);
    this.result = { indices: new Int32Array(k), squaredDistances: new Float64Array(k) };
  }

  /** Empties the heap for the next query. */
  reset(): void { this.size = 0; }

  /** The squared distance a candidate must not exceed to get in (Infinity until k are kept). */
  get bound(): number { return this.size < this.k ? Infinity : this.distances[0]; }

  /** Keeps the candidate if it comes before the worst kept one in (distance, index) order. */
  offer(distance: number, index: number): void {
    const { distances, indices } = this;
    if (this.size < this.k) {
      let child = this.size++;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!after(distance, index, distances[parent], indices[parent])) { break; }
        distances[child] = distances[parent];
        indices[child] = indices[parent];
        child = parent;
      }
      distances[child] = distance;
      indices[child] = index;
      return;
    }
    if (!after(distances[0], indices[0], distance, index)) { return; }
    this.siftDown(distance, index, this.k);
  }

  /** The kept neighbours nearest first (a buffer reused by the next call); empties the heap. */
  sorted(): Neighbours {
    const { indices, squaredDistances } = this.result;
    // Heap sort: the root is the worst kept neighbour, so pop into the result from the back.
    for (let last = this.size - 1; last >= 0; last--) {
      squaredDistances[last] = this.distances[0];
      indices[last] = this.indices[0];
      this.size = last;
      if (last > 0) { this.siftDown(this.distances[last], this.indices[last], last); }
    }
    return this.result;
  }

  /** Puts (distance, index) at the root of a heap of `size` entries and sifts it down. */
  private siftDown(distance: number, index: number, size: number): void {
    const { distances, indices } = this;
    let parent = 0;
    for (;;) {
      let child = 2 * parent + 1;
      if (child >= size) { break; }
      if (child + 1 < size && after(distances[child + 1], indices[child + 1], distances[child], indices[child])) { child++; }
      if (!after(distances[child], indices[child], distance, index)) { break; }
      distances[parent] = distances[child];
      indices[parent] = indices[child];
      parent = child;
    }
    distances[parent] = distance;
    indices[parent] = index;
  }
}

/** Whether (distanceA, indexA) comes after (distanceB, indexB) in the neighbour order. */
function after(distanceA: number, indexA: number, distanceB: number, indexB: number): boolean {
  return distanceA > distanceB || (distanceA === distanceB && indexA > indexB);
}
