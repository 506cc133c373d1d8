// The strategy settings, shared by every view that searches θ: which strategy, its update rule
// or crossover, and its own numeric hyperparameters, each with its range and error line.

import { STRATEGIES, RULES, CROSSOVERS, strategyFields, parseField } from './fields.js';
import { numberField, selectField } from './field.js';

/** Short names of the update rules, for titles. */
const RULE_SHORT = { plain: 'plain', momentum: 'momentum', nesterov: 'Nesterov', adagrad: 'AdaGrad', rmsprop: 'RMSProp', adam: 'Adam' };

/**
 * A view's title: the strategy (with gradient descent's rule) and what it works on, e.g.
 * "Gradient descent (Adam) · Himmelblau". Hyphens become non-breaking, so that
 * "Ill-conditioned" stays one word when the title wraps.
 */
export function strategyTitle(strategy, subject) {
  const kind = STRATEGIES.find((k) => k.id === strategy.kind);
  const rule = RULES.find((r) => r.id === strategy.rule);
  let title = kind ? kind.label : strategy.kind;
  if (strategy.kind === 'gradient' && rule) title += ` (${RULE_SHORT[rule.id] || rule.label})`;
  return `${title} · ${subject}`.replace(/-/g, '\u2011');
}

export class StrategyFields {
  /**
   * `apply(partial, field)`: commits `{ strategy: { … } }` and marks `field` (null for a select)
   * with the result; returns { ok, error }.
   */
  constructor(apply) {
    this.apply = apply;
    this.settings = null;
    this.kindSelect = selectField('Strategy', STRATEGIES, (kind) => apply({ strategy: { kind } }, null), 'kind');
    this.ruleSelect = selectField('Update rule', RULES, (rule) => apply({ strategy: { rule } }, null), 'rule');
    this.crossoverSelect = selectField('Crossover', CROSSOVERS, (crossover) => apply({ strategy: { crossover } }, null), 'crossover');
    this.fields = strategyFields().map((spec) => numberField(spec, (text) => this.commit(spec, text)));
    // Reading order: the crossover choice right after the tournament size.
    this.nodes = [this.kindSelect.root, this.ruleSelect.root];
    for (const f of this.fields) {
      this.nodes.push(f.root);
      if (f.spec.key === 'tournament') this.nodes.push(this.crossoverSelect.root);
    }
  }

  commit(spec, text) {
    const field = this.fields.find((f) => f.spec === spec);
    const parsed = parseField(spec, text, this.settings || {});
    if (parsed.error) {
      field.setError(parsed.error);
      return;
    }
    this.apply({ strategy: { [spec.key]: parsed.value } }, field);
  }

  /** Shows the settings in force; `force` also clears the fields' errors. */
  sync(settings, force) {
    this.settings = settings;
    this.kindSelect.select.value = settings.kind;
    this.ruleSelect.select.value = settings.rule;
    this.crossoverSelect.select.value = settings.crossover;
    this.ruleSelect.show(settings.kind === 'gradient');
    this.crossoverSelect.show(settings.kind === 'genetic');
    for (const f of this.fields) {
      const visible = f.spec.show(settings);
      f.show(visible);
      if (!visible) f.clearError();
      f.sync(settings[f.spec.key], settings, force);
    }
  }
}
