import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "../src/index.js";

const iris = `sepal_length,sepal_width,petal_length,species
5.1,3.5,1.4,setosa
7.0,3.2,4.7,versicolor
6.3,3.3,6.0,virginica
4.9,3.0,1.4,setosa
`;

describe("parseCsv: reading", () => {
  it("reads features, header names, and string labels as sorted class indices", () => {
    const ds = parseCsv(iris, { dtype: "float64" });
    expect(ds.x.shape).toEqual([4, 3]);
    expect(ds.x.toArray()).toEqual([[5.1, 3.5, 1.4], [7.0, 3.2, 4.7], [6.3, 3.3, 6.0], [4.9, 3.0, 1.4]]);
    expect(ds.featureNames).toEqual(["sepal_length", "sepal_width", "petal_length"]);
    expect(ds.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(Array.from(ds.y.data)).toEqual([0, 1, 2, 0]);
    expect(ds.numClasses).toBe(3);
    expect(ds.x.dtype).toBe("float64");
  });

  it("takes the label column by name, by index and by negative index", () => {
    const text = "a,label,b\n1,x,2\n3,y,4\n";
    for (const labelColumn of ["label", 1, -2] as const) {
      const ds = parseCsv(text, { labelColumn });
      expect(ds.x.toArray()).toEqual([[1, 2], [3, 4]]);
      expect(ds.featureNames).toEqual(["a", "b"]);
      expect(ds.classNames).toEqual(["x", "y"]);
    }
  });

  it("maps whole-number labels to their distinct values in numeric order, named by value; classNames fixes the order of names", () => {
    const ds = parseCsv("f,c\n0.5,2\n1.5,0\n", {});
    expect(Array.from(ds.y.data)).toEqual([1, 0]);
    expect(ds.numClasses).toBe(2);
    expect(ds.classNames).toEqual(["0", "2"]);
    const named = parseCsv("f,c\n1,no\n2,yes\n", { classNames: ["yes", "no"] });
    expect(Array.from(named.y.data)).toEqual([1, 0]);
  });

  // Issue 15: labels {1, 5} became 6 classes with 4 of them empty; issue 19 item 7: a label of
  // 1000000000 made a one-hot of a billion classes. 10 sorts after 9 as a number, not as text.
  it("labels 1 and 5 are two classes, and a label of 1000000000 is one class among three", () => {
    const two = parseCsv("f,c\n0.1,5\n0.2,1\n0.3,5\n");
    expect([two.numClasses, two.classNames, Array.from(two.y.data)]).toEqual([2, ["1", "5"], [1, 0, 1]]);
    const big = parseCsv("f,c\n0.1,1000000000\n0.2,10\n0.3,9\n");
    expect([big.numClasses, big.classNames, Array.from(big.y.data)]).toEqual([3, ["9", "10", "1000000000"], [2, 1, 0]]);
    const signed = parseCsv("f,c\n0.1,-1\n0.2,+1\n0.3,01\n");
    expect([signed.classNames, Array.from(signed.y.data)]).toEqual([["-1", "1"], [0, 1, 1]]);
  });

  it("follows RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes, CRLF endings", () => {
    const text = '"x, first","y ""second"""\r\n1,"a ""b"", c"\r\n2,"multi\r\nline"\r\n';
    const ds = parseCsv(text);
    expect(ds.featureNames).toEqual(["x, first"]);
    expect(ds.classNames).toEqual(['a "b", c', "multi\r\nline"]);
    expect(ds.x.toArray()).toEqual([[1], [2]]);
  });

  it("accepts another delimiter, no header, a byte order mark, spaces around numbers and blank lines", () => {
    const ds = parseCsv("\uFEFF1; 2;0\n\n3 ;4;1\n", { delimiter: ";", header: false });
    expect(ds.x.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(ds.featureNames).toBeUndefined();
    expect(Array.from(ds.y.data)).toEqual([0, 1]);
  });
});

describe("parseCsv: errors name the line and the column", () => {
  const error = (text: string, options = {}): CsvError => {
    try {
      parseCsv(text, options);
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      return e as CsvError;
    }
    throw new Error("expected parseCsv to throw");
  };

  it("a non-numeric feature", () => {
    const text = "sepal_length,sepal_width,petal_length,species\n5.1,3.5,1.4,setosa\n" + "4.9,3.0,1.4,setosa\n".repeat(4) + "5.0,3.6,abc,setosa\n";
    const e = error(text);
    expect(e.message).toBe('CSV line 7, column 3 ("petal_length"): "abc" is not a number');
    expect([e.line, e.column, e.columnName]).toEqual([7, 3, "petal_length"]);
  });

  it("things Number() would accept but a CSV of numbers should not: empty, hex, Infinity", () => {
    expect(error("a,b\n,1\n").message).toBe('CSV line 2, column 1 ("a"): empty field: missing values are not filled in');
    expect(error("a,b\n0x10,1\n").message).toMatch(/column 1 \("a"\): "0x10" is not a number/);
    expect(error("a,b\nInfinity,1\n").message).toMatch(/"Infinity" is not a number/);
  });

  it("a ragged row, short or long", () => {
    expect(error("a,b,c\n1,2,0\n3,4\n").message).toBe('CSV line 3, column 3 ("c"): row has 2 fields but the header has 3: this column is missing');
    expect(error("1,2,0\n3,4,5,0\n", { header: false }).message).toBe("CSV line 2, column 4: row has 4 fields but the first row has 3: this column is extra");
  });

  it("an empty text and a header without rows", () => {
    expect(error("").message).toBe("CSV line 1, column 1: the text is empty: expected a header row and data rows");
    expect(error("\n\n").message).toMatch(/^CSV line 1, column 1: the text is empty/);
    expect(error("a,b\n").message).toBe("CSV line 2: no data rows after the header");
  });

  it("a missing label column, by name or by index", () => {
    expect(error("a,b\n1,0\n", { labelColumn: "species" }).message).toBe('CSV line 1: label column "species" not found; the header has "a", "b"');
    expect(error("a,b\n1,0\n", { labelColumn: 2 }).message).toBe("CSV line 1: label column index 2 is out of range for 2 columns (0..1, or -2..-1 from the end)");
    expect(error("1,0\n", { labelColumn: "y", header: false }).message).toMatch(/given by name, but header is false/);
  });

  it("labels: empty, fractional, or outside the given classNames", () => {
    expect(error("a,y\n1,\n").message).toBe('CSV line 2, column 2 ("y"): empty label');
    expect(error("a,y\n1,0\n2,1.5\n").message).toBe(
      'CSV line 3, column 2 ("y"): label "1.5" is not a whole number: numeric labels name classes (a regression target cannot be read as classes; or pass classNames)',
    );
    expect(error("a,y\n1,cat\n2,dog\n", { classNames: ["cat"] }).message).toBe('CSV line 3, column 2 ("y"): label "dog" is not one of classNames ("cat")');
  });

  it("malformed quoting", () => {
    expect(error('a,b\n1,"open\n2,3\n').message).toBe('CSV line 2, column 2: a quoted field is never closed (missing ")');
    expect(error('a,b\n1,x"y\n').message).toMatch(/^CSV line 2, column 2: a quote inside an unquoted field/);
    expect(error('a,b\n1,"x"y\n').message).toBe('CSV line 2, column 2: unexpected "y" after a closing quote (a field must be quoted whole)');
  });

  it("counts lines as an editor does when a quoted field spans lines", () => {
    expect(error('a,b\n1,"two\nlines"\nx,0\n').message).toBe('CSV line 4, column 1 ("a"): "x" is not a number');
  });

  it("refuses a delimiter that is not one plain character", () => {
    expect(() => parseCsv("a", { delimiter: "::" })).toThrow(/parseCsv: delimiter must be one character/);
  });
});
