import { describe, expect, it } from "vitest";
import { liveSubscriberCount, publishLiveChange } from "./bus";
import { liveEventStream } from "./event-stream";

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(needle)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("live event stream", () => {
  it("says it is ready, then forwards each published change as an SSE `change` event", async () => {
    const before = liveSubscriberCount();
    const controller = new AbortController();
    const reader = liveEventStream({ signal: controller.signal }).getReader();
    expect(await readUntil(reader, "event: ready")).toContain("retry: 3000");
    expect(liveSubscriberCount()).toBe(before + 1);

    const change = { topic: "runs" as const, ids: [42], cause: "workflow_run.completed", at: 1 };
    publishLiveChange(change);
    const text = await readUntil(reader, "\n\n");
    expect(text).toBe(`event: change\ndata: ${JSON.stringify(change)}\n\n`);

    controller.abort();
    expect(liveSubscriberCount()).toBe(before);
    expect((await reader.read()).done).toBe(true);
  });

  it("unsubscribes when the reader cancels (the browser went away)", async () => {
    const before = liveSubscriberCount();
    const reader = liveEventStream().getReader();
    await readUntil(reader, "event: ready");
    await reader.cancel();
    expect(liveSubscriberCount()).toBe(before);
    // Publishing afterwards reaches nobody and throws nothing.
    publishLiveChange({ topic: "pulls", ids: [], cause: "push", at: 2 });
  });
});
