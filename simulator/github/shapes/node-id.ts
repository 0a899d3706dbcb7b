/** Legacy global node ids as GitHub encodes them: base64 of `<len>:<Type><id>`. */
export function nodeId(type: string, id: number | string): string {
  const inner = `${type}${id}`;
  return Buffer.from(`${String(type.length).padStart(2, "0")}:${inner}`).toString("base64");
}
