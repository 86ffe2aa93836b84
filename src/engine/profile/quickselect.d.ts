// Types for quickselect 2 (Floyd-Rivest selection), which ships none.
declare module 'quickselect' {
  function quickselect<T>(array: ArrayLike<T> & { [i: number]: T }, k: number, left?: number, right?: number, compare?: (a: T, b: T) => number): void;
  export = quickselect;
}
