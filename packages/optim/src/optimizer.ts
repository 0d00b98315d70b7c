import {
  type EncodedTensorValues, ShapeError, type Tensor, type TypedArray, decodeTensorValuesInto, encodeTensorValues, formatShape,
} from "@nn/tensor";
import { checkNonNegative } from "./option-checks.js";
import type { Parameter } from "./parameter.js";

/** What an optimizer remembers about one parameter between steps. */
export interface ParameterState {
  /** Updates applied to this parameter, counting the one in progress (PyTorch's `state["step"]`). */
  step: number;
  /** Elements of the parameter the buffers were made for. */
  readonly size: number;
  /** Running statistics, each the parameter's size and dtype, keyed by name (`expAvg`, …). */
  readonly buffers: Record<string, TypedArray>;
}

/** Resolved hyperparameters other than the learning rate, as stored in a state dict. */
export type Hyperparameters = Record<string, number | boolean | readonly number[]>;

/** One state buffer of one parameter, as plain JSON numbers (@nn/tensor's exact JSON encoding). */
export type EncodedBuffer = EncodedTensorValues;

/** One parameter's saved state; `null` in `OptimizerStateDict.state` until its first step. */
export interface ParameterStateDict {
  name: string;
  step: number;
  buffers: Record<string, EncodedBuffer>;
}

/** Plain JSON data: `JSON.parse(JSON.stringify(d))` loads back to the exact same optimizer. */
export interface OptimizerStateDict {
  optimizer: string;
  lr: number;
  options: Record<string, number | boolean | number[]>;
  state: Array<ParameterStateDict | null>;
}

/**
 * The parameter loop, lazily created state, learning rate and (de)serialisation that every
 * optimizer shares. A subclass supplies only its update rule (`updateParameter`), the names of
 * the state buffers it keeps, and how to validate its hyperparameters.
 *
 * Arithmetic: each element's update is evaluated in float64 in PyTorch's operation order; state
 * buffers have the parameter's dtype, so a float32 parameter keeps float32 state, rounded each
 * time it is stored (PyTorch also rounds every intermediate to float32; see README).
 */
export abstract class Optimizer<C extends Hyperparameters = Hyperparameters> {
  /** The optimizer's name as used in messages and state dicts (`"Adam"`). */
  readonly name: string;
  readonly params: readonly Parameter[];
  protected config: Readonly<C>;
  private rate: number;
  private states: Array<ParameterState | undefined>;

  protected constructor(name: string, params: readonly Parameter[], lr: number, config: C) {
    this.name = name;
    this.params = checkParameters(name, params);
    this.rate = checkNonNegative(name, "lr", lr);
    this.config = config;
    this.states = new Array<ParameterState | undefined>(this.params.length).fill(undefined);
  }

  /** The learning rate the next `step()` will use. Schedulers set it. */
  get lr(): number {
    return this.rate;
  }

  set lr(value: number) {
    this.rate = checkNonNegative(this.name, "lr", value);
  }

  /** The resolved hyperparameters other than `lr`, defaults filled in. */
  get options(): Readonly<C> {
    return this.config;
  }

  /** Names of the buffers this optimizer keeps per parameter, given its current options. */
  protected abstract stateBuffers(): readonly string[];

  /** Checks and completes hyperparameters read back from a state dict. */
  protected abstract resolveConfig(options: Record<string, unknown>): C;

  /** Applies one update to `value` in place. `state.step` already counts this update. */
  protected abstract updateParameter(value: TypedArray, grad: TypedArray, state: ParameterState, lr: number): void;

  /** The value a state buffer starts from (Adagrad's accumulator starts elsewhere than 0). */
  protected initialStateValue(_buffer: string): number {
    return 0;
  }

  /** One update of every parameter from its current `grad`. Allocates only on the first call. */
  step(): void {
    const lr = this.rate;
    const params = this.params;
    // Check every parameter before touching any, so a bad one cannot leave a half-applied step.
    for (let i = 0; i < params.length; i++) {
      const param = params[i];
      const size = param.value.data.length;
      if (param.grad.data.length !== size) throw this.gradShapeError(param);
      const state = this.states[i];
      if (state !== undefined && state.size !== size) {
        throw new ShapeError(
          `${this.name}: parameter "${param.name}" now has ${size} elements but its optimizer state was made for ${state.size}`,
        );
      }
    }
    for (let i = 0; i < params.length; i++) {
      const value = params[i].value.data;
      let state = this.states[i];
      if (state === undefined) {
        state = this.createState(value);
        this.states[i] = state;
      }
      state.step += 1;
      this.updateParameter(value, params[i].grad.data, state, lr);
    }
  }

  /** Sets every gradient to zero (gradients accumulate across `backward` calls). */
  zeroGrad(): void {
    for (const param of this.params) param.grad.data.fill(0);
  }

  stateDict(): OptimizerStateDict {
    const options: Record<string, number | boolean | number[]> = {};
    for (const [key, value] of Object.entries(this.config as Hyperparameters)) {
      options[key] = typeof value === "object" ? Array.from(value) : value;
    }
    const state = this.states.map((s, i): ParameterStateDict | null => {
      if (s === undefined) return null;
      const param = this.params[i];
      const buffers: Record<string, EncodedBuffer> = {};
      for (const [key, data] of Object.entries(s.buffers)) buffers[key] = encodeTensorValues(data, param.value.shape);
      return { name: param.name, step: s.step, buffers };
    });
    return { optimizer: this.name, lr: this.rate, options, state };
  }

  /**
   * Restores learning rate, hyperparameters and per-parameter state, as PyTorch's
   * `load_state_dict` does. Everything is checked before anything changes.
   */
  loadStateDict(dict: OptimizerStateDict): void {
    const where = `${this.name}.loadStateDict`;
    if (dict?.optimizer !== this.name) {
      throw new TypeError(`${where}: the state dict is for ${String(dict?.optimizer)}, not ${this.name}`);
    }
    if (!Array.isArray(dict.state) || dict.state.length !== this.params.length) {
      const got = Array.isArray(dict.state) ? dict.state.length : "no";
      throw new RangeError(`${where}: the state dict has ${got} parameter entries but this optimizer has ${this.params.length} parameters`);
    }
    const lr = checkNonNegative(this.name, "lr", dict.lr);
    const previous = this.config;
    const config = this.resolveConfig(dict.options ?? {});
    this.config = config;
    try {
      const names = this.stateBuffers();
      const states = dict.state.map((saved, i) => (saved === null ? undefined : this.decodeState(saved, i, names, where)));
      this.states = states;
      this.rate = lr;
    } catch (error) {
      this.config = previous;
      throw error;
    }
  }

  private decodeState(saved: ParameterStateDict, index: number, names: readonly string[], where: string): ParameterState {
    const param = this.params[index];
    if (saved.name !== param.name) {
      throw new RangeError(`${where}: entry ${index} is for parameter "${saved.name}" but parameter ${index} is "${param.name}"`);
    }
    if (!Number.isInteger(saved.step) || saved.step < 0) {
      throw new RangeError(`${where}: "${param.name}".step must be an integer ≥ 0, got ${String(saved.step)}`);
    }
    const state = this.createState(param.value.data);
    state.step = saved.step;
    for (const name of names) {
      const encoded = saved.buffers?.[name];
      if (encoded === undefined) throw new RangeError(`${where}: "${param.name}" has no "${name}" buffer`);
      decodeTensorValuesInto(encoded, state.buffers[name], `${where}: "${param.name}".${name}`);
    }
    return state;
  }

  private createState(value: TypedArray): ParameterState {
    const buffers: Record<string, TypedArray> = {};
    for (const name of this.stateBuffers()) {
      const data = value instanceof Float64Array ? new Float64Array(value.length) : new Float32Array(value.length);
      const start = this.initialStateValue(name);
      if (start !== 0) data.fill(start);
      buffers[name] = data;
    }
    return { step: 0, size: value.length, buffers };
  }

  private gradShapeError(param: Parameter): ShapeError {
    return new ShapeError(
      `${this.name}: parameter "${param.name}" has value ${formatShape(param.value.shape)} but grad ${formatShape(param.grad.shape)}`,
    );
  }
}

function checkParameters(owner: string, params: readonly Parameter[]): readonly Parameter[] {
  const given: unknown = params;
  if (!Array.isArray(given)) throw new TypeError(`${owner}: params must be an array of parameters, got ${typeof params}`);
  if (params.length === 0) throw new RangeError(`${owner}: params is empty; pass the model's parameters()`);
  const seen = new Set<unknown>();
  params.forEach((param, i) => {
    if (!isTensorLike(param?.value) || !isTensorLike(param.grad)) {
      throw new TypeError(`${owner}: params[${i}] must have Tensor "value" and "grad"`);
    }
    if (param.value.size !== param.grad.size) {
      throw new ShapeError(
        `${owner}: parameter "${param.name}" has value ${formatShape(param.value.shape)} but grad ${formatShape(param.grad.shape)}`,
      );
    }
    if (seen.has(param.value)) throw new RangeError(`${owner}: parameter "${param.name}" (params[${i}]) appears more than once`);
    seen.add(param.value);
  });
  return params.slice();
}

/** Duck-typed so that two copies of @nn/tensor in one bundle still work together. */
function isTensorLike(t: Tensor | undefined): boolean {
  return t !== undefined && t !== null && (t.data instanceof Float32Array || t.data instanceof Float64Array);
}
