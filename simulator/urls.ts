/** Base URLs the simulator puts in its answers (`html_url`, `url`, pagination links). */
export interface Urls {
  /** e.g. `http://127.0.0.1:4010` — plays `https://github.com`. */
  web: string;
  /** e.g. `http://127.0.0.1:4010/api/v3` — plays `https://api.github.com`. */
  api: string;
}

export function makeUrls(web: string): Urls {
  const trimmed = web.replace(/\/+$/, "");
  return { web: trimmed, api: `${trimmed}/api/v3` };
}
