import type { LossCurve, LossPoint } from '../../shared/protocol/trainingPanel';
import type { TrainingProgress } from '../../shared/training/types';

/** Past this many points a curve stops growing: the panel draws it, and the host keeps it for a reopened panel. */
const MAX_POINTS = 4000;

/** What one progress report adds to the loss curve. */
export interface LossChange { reset: boolean; points: LossPoint[] }

/**
 * Builds the loss curve of the candidate being fitted from the engine's progress reports. A new
 * curve starts with the first loss of another candidate: families that report no loss (forests,
 * one tree) leave the last curve on screen rather than an empty chart. The engine merges each
 * report into the last one, so a report about something else (a new fold starting) repeats the
 * fit's step and losses: those repeats are not new points.
 */
export class LossTracker {
  private curve: LossCurve | undefined;
  private model: string | undefined;
  private last: { step?: number; train?: number; valid?: number } = {};

  /** The curve so far (a copy the caller may keep). */
  get current(): LossCurve | undefined {
    return this.curve ? { ...this.curve, points: [...this.curve.points] } : undefined;
  }

  /** The curve's model, family and unit, without its points. */
  get header(): Omit<LossCurve, 'points'> | undefined {
    return this.curve ? { model: this.curve.model, family: this.curve.family, unit: this.curve.unit } : undefined;
  }

  /** Takes one report; returns the points it adds, and whether they start a new curve (another candidate). */
  push(p: TrainingProgress): LossChange {
    // Refitting the winners reports their models but no fit progress: only the search makes curves.
    if ((p.phase !== 'defaults' && p.phase !== 'search') || p.model === undefined || p.family === undefined) { return { reset: false, points: [] }; }
    if (p.model !== this.model) {
      this.model = p.model;
      this.last = {};
    }
    const losses = (p.trainLoss !== undefined && Number.isFinite(p.trainLoss)) || (p.validLoss !== undefined && Number.isFinite(p.validLoss));
    if (p.step === undefined || !losses) { return { reset: false, points: [] }; }
    const repeat = p.step === this.last.step && p.trainLoss === this.last.train && p.validLoss === this.last.valid;
    this.last = { step: p.step, train: p.trainLoss, valid: p.validLoss };
    if (repeat) { return { reset: false, points: [] }; }
    let reset = false;
    if (this.curve?.model !== p.model) {
      this.curve = { model: p.model, family: p.family, unit: p.unit ?? 'step', points: [] };
      reset = true;
    }
    const curve = this.curve;
    if (p.unit !== undefined) { curve.unit = p.unit; }
    if (curve.points.length >= MAX_POINTS) { return { reset, points: [] }; }
    const fold = p.fold ?? 1;
    const points: LossPoint[] = [];
    if (p.trainLoss !== undefined && Number.isFinite(p.trainLoss)) { points.push({ fold, step: p.step, series: 'train', loss: p.trainLoss }); }
    if (p.validLoss !== undefined && Number.isFinite(p.validLoss)) { points.push({ fold, step: p.step, series: 'validation', loss: p.validLoss }); }
    curve.points.push(...points);
    return { reset, points };
  }
}
