export { exportONNX, type ExportOptions } from "./export.js";
export { importONNX } from "./import.js";
export { OnnxConversionError } from "./errors.js";
export { ProtoDecodeError } from "./protobuf/reader.js";
export { MIN_OPSET, MAX_OPSET } from "./opsets.js";
