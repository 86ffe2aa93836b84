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
    // Every loss since the last report when the engine sends them, else the report's own.
    const reported = (p.recentLosses ?? []).filter((l) => l.model === p.model);
    const latest = reported.length > 0 ? reported : p.step === undefined ? [] : [{ model: p.model, fold: p.fold ?? 1, step: p.step, trainLoss: p.trainLoss, validLoss: p.validLoss }];
    const fresh = latest.filter((l) => {
      const losses = (l.trainLoss !== undefined && Number.isFinite(l.trainLoss)) || (l.validLoss !== undefined && Number.isFinite(l.validLoss));
      const repeat = l.step === this.last.step && l.trainLoss === this.last.train && l.validLoss === this.last.valid;
      if (losses && !repeat) { this.last = { step: l.step, train: l.trainLoss, valid: l.validLoss }; }
      return losses && !repeat;
    });
    if (fresh.length === 0) { return { reset: false, points: [] }; }
    let reset = false;
    if (this.curve?.model !== p.model) {
      this.curve = { model: p.model, family: p.family, unit: p.unit ?? 'step', points: [] };
      reset = true;
    }
    const curve = this.curve;
    if (p.unit !== undefined) { curve.unit = p.unit; }
    if (curve.points.length >= MAX_POINTS) { return { reset, points: [] }; }
    const points: LossPoint[] = [];
    for (const l of fresh) {
      if (l.trainLoss !== undefined && Number.isFinite(l.trainLoss)) { points.push({ fold: l.fold, step: l.step, series: 'train', loss: l.trainLoss }); }
      if (l.validLoss !== undefined && Number.isFinite(l.validLoss)) { points.push({ fold: l.fold, step: l.step, series: 'validation', loss: l.validLoss }); }
    }
    points.splice(MAX_POINTS - curve.points.length);
    curve.points.push(...points);
    return { reset, points };
  }
}
