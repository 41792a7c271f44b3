/**
 * A browser-like HTTP client for console tests: keeps cookies, follows no
 * redirects by itself, and fills a form's CSRF token from the page it came from.
 */
export interface Page {
  status: number;
  location: string | null;
  body: string;
  headers: Headers;
}

export function consoleClient(base: string) {
  const jar = new Map<string, string>();
  let csrf = '';
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const read = async (res: Response): Promise<Page> => {
    remember(res);
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) csrf = token;
    return { status: res.status, location: res.headers.get('location'), body, headers: res.headers };
  };
  return {
    cookies: jar,
    async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
      return read(await fetch(new URL(path, base), { headers: { cookie: cookie(), ...headers }, redirect: 'manual' }));
    },
    /** Posts a form with the token of the last page read (pass `_csrf` to override it). */
    async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
      const body = new URLSearchParams({ _csrf: csrf, ...fields });
      return read(
        await fetch(new URL(path, base), {
          method: 'POST',
          body,
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
          redirect: 'manual',
        }),
      );
    },
  };
}

/** The `<tag … id="id" …>` element of a page (up to its first closing tag), so an assertion cannot be met by another part. */
export function part(body: string, id: string, tag = 'section'): string {
  const at = new RegExp(`<${tag}\\b[^>]*\\bid="${id}"`).exec(body);
  if (!at) throw new Error(`no <${tag} id="${id}"> on the page`);
  return body.slice(at.index, body.indexOf(`</${tag}>`, at.index));
}
