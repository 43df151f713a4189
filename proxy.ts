/**
 * Runs before routing: a URL whose percent-encoding is broken (%C0%AF, %FF, a lone %) gets the
 * API's 400 JSON on every route, pages included, instead of the framework's decoding crash.
 */
import { NextResponse, type NextRequest } from "next/server";
import { encodingRefusal } from "@/app/api/respond";

export function proxy(req: NextRequest) {
  const refusal = encodingRefusal(new URL(req.url));
  return refusal ? NextResponse.json(refusal.toJSON(), { status: refusal.status }) : NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
