// The model and search settings of the "Train a model" view: hidden layers and neurons per
// layer with − / + buttons (like TensorFlow Playground), activation, loss, regularization; then
// the strategy that searches the weights (the Landscapes view's strategy fields) with the
// gradient's batches and what one step is.

import { el } from '../ui/dom.js';
import { parseField } from '../ui/fields.js';
import { numberField, selectField, stepperField, markResult, showMessage } from '../ui/field.js';
import { StrategyFields } from '../ui/strategy.js';
import { modelFields, ACTIVATIONS, LOSSES, REGULARIZATIONS, BATCHES, STEP_UNITS } from './options.js';

/** `hidden` with `n` layers: extra layers copy the last one (or 4 neurons). */
function resize(hidden, n) {
  const out = hidden.slice(0, Math.max(0, n));
  while (out.length < n) out.push(out.length ? out[out.length - 1] : 4);
  return out;
}

export class ModelPanel {
  /** `setConfig(partial)` applies a change to the training configuration → { ok, error }. */
  constructor(setConfig) {
    this.setConfig = setConfig;
    this.hidden = [];
    this.groupError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.specs = modelFields();
    const L = this.specs.layers;
    this.layers = stepperField(L, (text) => this.commitLayers(text), (d) => this.commitLayers(String(this.hidden.length + d)));
    this.neuronBox = el('div', { class: 'tr-neurons' });
    this.neuronFields = [];
    this.activation = selectField('Activation', ACTIVATIONS, (activation) => this.model({ activation }, null), 'activation');
    this.loss = selectField('Loss', LOSSES, (loss) => this.model({ loss }, null), 'loss');
    this.regularization = selectField('Regularization', REGULARIZATIONS, (regularization) => this.model({ regularization }, null), 'regularization');
    this.rate = numberField(this.specs.rate, (text) => {
      const parsed = parseField(this.specs.rate, text, {});
      if (parsed.error) this.rate.setError(parsed.error);
      else this.model({ regularizationRate: parsed.value }, this.rate);
    });
    this.summary = el('p', { class: 'pg-note tr-model-summary' });
    this.element = el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Model'),
      this.layers.root, this.neuronBox, this.activation.root, this.loss.root, this.regularization.root, this.rate.root,
      this.summary, this.groupError);
  }

  model(partial, field) {
    return markResult(this.setConfig({ model: partial }), field, this.groupError);
  }

  commitLayers(text) {
    const parsed = parseField(this.specs.layers, text, {});
    if (parsed.error) {
      this.layers.setError(parsed.error);
      return;
    }
    const n = parsed.value;
    // A count outside 0…6 goes to the core as it is, so the message is the core's.
    const hidden = n <= this.specs.layers.max ? resize(this.hidden, n) : [...resize(this.hidden, this.specs.layers.max), ...Array(n - this.specs.layers.max).fill(4)];
    this.model({ hidden }, this.layers);
  }

  commitNeurons(i, text) {
    const field = this.neuronFields[i];
    const parsed = parseField(field.spec, text, {});
    if (parsed.error) {
      field.setError(parsed.error);
      return;
    }
    const hidden = this.hidden.slice();
    hidden[i] = parsed.value;
    this.model({ hidden }, field);
  }

  /** Shows the model in force; `classes` says whether the loss can be chosen. */
  sync(model, { force = false, classes = true, summary = '' } = {}) {
    this.hidden = model.hidden.slice();
    this.layers.sync(this.hidden.length, {}, force);
    this.layers.minus.disabled = this.hidden.length <= this.specs.layers.min;
    this.layers.plus.disabled = this.hidden.length >= this.specs.layers.max;
    while (this.neuronFields.length < this.hidden.length) {
      const i = this.neuronFields.length;
      const spec = this.specs.neurons(i);
      const field = stepperField(spec, (text) => this.commitNeurons(i, text), (d) => this.commitNeurons(i, String(this.hidden[i] + d)));
      field.root.classList.add('tr-neuron-field');
      this.neuronFields.push(field);
      this.neuronBox.appendChild(field.root);
    }
    this.neuronFields.forEach((field, i) => {
      const visible = i < this.hidden.length;
      field.show(visible);
      if (!visible) field.clearError();
      if (visible) {
        field.sync(this.hidden[i], {}, force);
        field.minus.disabled = this.hidden[i] <= 1;
        field.plus.disabled = this.hidden[i] >= 32;
      }
    });
    this.activation.select.value = model.activation;
    this.activation.show(this.hidden.length > 0);
    this.loss.select.value = model.loss;
    this.loss.show(classes);
    this.regularization.select.value = model.regularization;
    this.rate.show(model.regularization !== 'none');
    this.rate.sync(model.regularizationRate, {}, force);
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    if (force) showMessage(this.groupError, null);
  }
}

export class SearchPanel {
  /** `setConfig(partial)` as for ModelPanel. */
  constructor(setConfig) {
    this.setConfig = setConfig;
    this.groupError = el('div', { class: 'pg-error pg-group-error', role: 'alert', hidden: true });
    this.strategy = new StrategyFields((partial, field) => markResult(setConfig(partial), field, this.groupError));
    this.batch = selectField('Gradient batches', BATCHES, (batch) => this.apply({ batch }, null), 'batch');
    this.batchSize = numberField(modelFields().batchSize, (text) => {
      const parsed = parseField(this.batchSize.spec, text, {});
      if (parsed.error) this.batchSize.setError(parsed.error);
      else this.apply({ batchSize: parsed.value }, this.batchSize);
    });
    this.stepUnit = selectField('One step is', STEP_UNITS, (stepUnit) => this.apply({ stepUnit }, null), 'stepUnit');
    // The gradient's own settings go right after the update rule and its rates.
    const nodes = this.strategy.nodes.slice();
    const after = nodes.findIndex((n) => n.dataset.field === 'beta2') + 1;
    nodes.splice(after, 0, this.batch.root, this.batchSize.root, this.stepUnit.root);
    this.element = el('fieldset', { class: 'pg-group' }, el('legend', {}, 'Search over the weights'), nodes, this.groupError);
  }

  apply(partial, field) {
    return markResult(this.setConfig(partial), field, this.groupError);
  }

  sync(config, force) {
    this.strategy.sync(config.strategy, force);
    const gradient = config.strategy.kind === 'gradient';
    this.batch.select.value = config.batch;
    this.batch.show(gradient);
    this.batchSize.show(gradient && config.batch === 'mini');
    this.batchSize.sync(config.batchSize, {}, force);
    this.stepUnit.select.value = config.stepUnit;
    this.stepUnit.show(gradient && config.batch !== 'full');
    if (force) showMessage(this.groupError, null);
  }
}
