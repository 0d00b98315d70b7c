// The fixed parts of the generated PyTorch module file (see pytorch-source.ts).

export const PYTHON_STANDARDIZE = `class Standardize(nn.Module):
    """(x - mean) / std per input column, in float64 and then rounded to x's dtype, as nn predict does."""

    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float64))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float64))

    def forward(self, x):
        return ((x.to(torch.float64) - self.mean) / self.std).to(x.dtype)`;

export const PYTHON_RESIDUAL = `class Residual(nn.Module):
    """y = x + block(x), as nn's Residual; the block's weights are named block.*."""

    def __init__(self, block):
        super().__init__()
        self.block = block

    def forward(self, x):
        return x + self.block(x)`;

export const PYTHON_HELPERS = `_DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}
_NAMES = {dtype: name for name, dtype in _DTYPES.items()}


def load(path):
    """build() with the weights of a safetensors file, in eval mode."""
    model = build()
    model.load_state_dict(read_safetensors(path))
    return model.eval()


def save(model, path):
    """Writes model.state_dict() as a safetensors file that nn import --pytorch reads."""
    tensors = {name: t.detach().cpu().contiguous() for name, t in model.state_dict().items()}
    write_safetensors(tensors, path)


def read_safetensors(path):
    """The tensors of a safetensors file by name: the safetensors package if installed, else by hand."""
    try:
        from safetensors.torch import load_file
    except ImportError:
        pass
    else:
        return load_file(path)
    if sys.byteorder != "little":
        raise RuntimeError("reading safetensors by hand needs a little-endian machine; install safetensors")
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    start = 8 + header_length
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        if begin == end:  # torch.frombuffer refuses an empty buffer
            tensors[name] = torch.empty(info["shape"], dtype=dtype)
        else:
            raw = bytearray(data[start + begin : start + end])
            tensors[name] = torch.frombuffer(raw, dtype=dtype).reshape(info["shape"])
    return tensors


def _tensor_bytes(t):
    """A contiguous CPU tensor's bytes, through numpy when PyTorch has it."""
    try:
        return t.numpy().tobytes()
    except (ImportError, RuntimeError):  # a PyTorch built without numpy
        return bytes(t.reshape(-1).view(torch.uint8).tolist())


def write_safetensors(tensors, path):
    """Writes {name: tensor} as safetensors: the safetensors package if installed, else by hand."""
    try:
        from safetensors.torch import save_file
    except ImportError:
        pass
    else:
        save_file(tensors, path, metadata={"format": "pt"})
        return
    if sys.byteorder != "little":
        raise RuntimeError("writing safetensors by hand needs a little-endian machine; install safetensors")
    header = {"__metadata__": {"format": "pt"}}
    chunks = []
    offset = 0
    for name, t in tensors.items():
        raw = _tensor_bytes(t)
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in chunks:
            f.write(raw)`;
