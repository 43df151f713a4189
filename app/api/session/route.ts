import { checkOrigin, clearSessionCookie, readJson, sameSecret, sessionCookie } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { SessionRequest } from "@/lib/review-api";
import { editorToken, isEditor } from "../editor";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

const answer = (editor: boolean, cookie: string) =>
  new Response(JSON.stringify({ editor }), { headers: { "content-type": "application/json", "cache-control": "no-store", "set-cookie": cookie } });

/** Whether this browser is signed in as an editor (decides whether the page shows editing). */
export function GET(req: Request) {
  return respond(async () => ({ editor: isEditor(req) }));
}

/** Sign in: the token in the body, once; the answer sets an HttpOnly cookie that proves it. */
export function POST(req: Request) {
  return respond(async () => {
    checkOrigin(req, "cookie");
    const body = SessionRequest.safeParse(await readJson(req, 4096));
    if (!body.success) throw new StrikelineError("bad_request", 'Send {"token": "<editor token>"}', body.error.issues, "token");
    if (!sameSecret(body.data.token, editorToken())) throw new StrikelineError("unauthorized", "Wrong editor token", undefined, "token");
    return answer(true, sessionCookie(editorToken(), new URL(req.url).protocol === "https:"));
  });
}

/** Sign out. */
export function DELETE(req: Request) {
  return respond(async () => {
    checkOrigin(req, "cookie");
    return answer(false, clearSessionCookie());
  });
}
