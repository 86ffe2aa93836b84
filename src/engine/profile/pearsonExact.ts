/**
 * Pairwise-complete Pearson r by pandas' own algorithm (nancorr: Welford's updates over the rows
 * where both are present), null where either is constant there. One slow pass: only for pairs
 * whose fast sums could be lost in rounding.
 */
export function pearsonWelford(x: readonly Float64Array[], y: readonly Float64Array[]): number | null {
  let n = 0;
  let meanX = 0;
  let meanY = 0;
  let ssqX = 0;
  let ssqY = 0;
  let cov = 0;
  for (let c = 0; c < x.length; c++) {
    const xc = x[c];
    const yc = y[c];
    for (let i = 0; i < xc.length; i++) {
      const vx = xc[i];
      const vy = yc[i];
      if (vx !== vx || vy !== vy) { continue; }
      n++;
      const dx = vx - meanX;
      const dy = vy - meanY;
      meanX += (1 / n) * dx;
      meanY += (1 / n) * dy;
      ssqX += (vx - meanX) * dx;
      ssqY += (vy - meanY) * dy;
      cov += (vx - meanX) * dy;
    }
  }
  const divisor = Math.sqrt(ssqX * ssqY);
  if (n < 2 || divisor === 0) { return null; }
  return Math.max(-1, Math.min(1, cov / divisor));
}
