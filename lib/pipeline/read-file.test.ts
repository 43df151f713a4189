import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeArticle, expandInputs, MAX_BYTES, readArticleFile } from "./read-file";

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeArticle", () => {
  it("refuses empty, binary, non-UTF-8 and oversized input, and unknown extensions", () => {
    const reason = (bytes: Uint8Array, file = "a.txt") => {
      const r = decodeArticle(bytes, file);
      return r.ok ? "ok" : r.reason;
    };
    expect(reason(enc(""))).toBe("empty");
    expect(reason(enc("  \n\t "))).toBe("empty");
    expect(reason(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe("binary");
    expect(reason(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e]))).toBe("not-utf8");
    expect(reason(new Uint8Array(MAX_BYTES + 1).fill(0x61))).toBe("too-large");
    expect(reason(enc("hello"), "a.pdf")).toBe("unsupported");
    expect(reason(enc("A short article."))).toBe("ok");
  });

  it("reads front matter as metadata and keeps it out of the text", () => {
    const r = decodeArticle(enc("---\ntitle: A test\noutlet: Test Wire\npublished: 2024-02-08\nurl: https://example.org/a\n---\n\nBody text here.\n"), "a.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.meta).toEqual({ title: "A test", outlet: "Test Wire", published: "2024-02-08", url: "https://example.org/a" });
    expect(r.article.text.startsWith("Body text here.")).toBe(true);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a front-matter source address that is not http(s)", () => {
    const md = (url: string) => decodeArticle(enc(`---\ntitle: A test\nurl: ${url}\n---\n\nBody text here.\n`), "a.md");
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil.example/x", "https://"]) {
      const r = md(url);
      expect(r.ok ? "ok" : r.reason, url).toBe("bad-url");
    }
    expect(md("HTTPS://example.org/a").ok).toBe(true);
    // A page's canonical link that is not http(s) (relative, or worse) is dropped; the page still goes in.
    for (const href of ["javascript:alert(1)", "/story/1"]) {
      const html = decodeArticle(enc(`<html><head><link rel="canonical" href="${href}"></head><body><p>Body text.</p></body></html>`), "a.html");
      expect(html.ok && html.article.meta.url, href).toBeUndefined();
      expect(html.ok, href).toBe(true);
    }
    const good = decodeArticle(enc('<html><head><link rel="canonical" href="https://example.org/a"></head><body><p>Body text.</p></body></html>'), "a.html");
    expect(good.ok && good.article.meta.url).toBe("https://example.org/a");
  });

  it("turns HTML into paragraphs with role hints and metadata", () => {
    const html = `<html><head><title>T</title><meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2024-04-14T08:00:00Z"></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Headline here</h1><p>First &amp; only paragraph.</p>
      <figure><figcaption>A caption. (Photo: Wire)</figcaption></figure></article>
      <section class="comments"><p>A reader says hello.</p></section></body></html>`;
    const r = decodeArticle(enc(html), "a.html");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.meta).toMatchObject({ outlet: "Wire", published: "2024-04-14", title: "Headline here" });
    const role = (needle: string) => r.article.hints.find((h) => r.article.text.slice(h.start, h.end).includes(needle))?.role;
    expect(role("Home")).toBe("chrome");
    expect(role("First & only")).toBe("body");
    expect(role("A caption")).toBe("caption");
    expect(role("A reader")).toBe("comments");
  });
});

describe("readArticleFile and expandInputs", () => {
  it("walks folders for article files and refuses a large file without reading it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-read-"));
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "b.txt"), "Some text.");
    fs.writeFileSync(path.join(dir, "sub", "a.md"), "More text.");
    fs.writeFileSync(path.join(dir, "notes.json"), "{}");
    fs.writeFileSync(path.join(dir, "big.txt"), Buffer.alloc(MAX_BYTES + 10, 0x61));
    const { files, missing } = expandInputs([dir, path.join(dir, "nope.txt")]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(["b.txt", "big.txt", path.join("sub", "a.md")]);
    expect(missing).toHaveLength(1);
    const big = readArticleFile(path.join(dir, "big.txt"));
    expect(big.ok ? "ok" : big.reason).toBe("too-large");
    fs.rmSync(dir, { recursive: true });
  });
});

describe("readArticleFile on what is not a regular file", () => {
  it("refuses a named pipe at once, without waiting for a writer, and a folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-fifo-"));
    const fifo = path.join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    const r = readArticleFile(fifo);
    expect(r.ok ? "ok" : r.reason).toBe("not-a-file");
    fs.mkdirSync(path.join(dir, "folder.txt"));
    const d = readArticleFile(path.join(dir, "folder.txt"));
    expect(d.ok ? "ok" : d.reason).toBe("not-a-file");
    const gone = readArticleFile(path.join(dir, "missing.txt"));
    expect(gone.ok ? "ok" : gone.reason).toBe("unreadable");
    fs.rmSync(dir, { recursive: true });
  });

  it("reads a file of exactly the limit and refuses one byte more", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-size-"));
    fs.writeFileSync(path.join(dir, "max.txt"), Buffer.alloc(MAX_BYTES, 0x61));
    fs.writeFileSync(path.join(dir, "over.txt"), Buffer.alloc(MAX_BYTES + 1, 0x61));
    const max = readArticleFile(path.join(dir, "max.txt"));
    expect(max.ok && max.article.text.length).toBe(MAX_BYTES);
    const over = readArticleFile(path.join(dir, "over.txt"));
    expect(over.ok ? "ok" : over.reason).toBe("too-large");
    fs.rmSync(dir, { recursive: true });
  });
});
