"use client";
/**
 * Editor sign-in. Reading and sharing need nothing; adding reports and reviewing need the editor
 * token, entered here once: it is sent in the body of one request and the server answers with an
 * HttpOnly cookie, so the page never keeps it (not in storage, not in the URL, not in a link).
 * The analyst's name for the correction log is not a secret and is remembered in localStorage.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { getSession, messageOf, signIn, signOut } from "./editor-api";
import { FormEnd } from "./form-parts";
import { Modal } from "./Modal";

const AUTHOR_KEY = "strikeline.author";
const DEFAULT_AUTHOR = "editor";

export type Editor = {
  /** null until the server has said. */
  signedIn: boolean | null;
  author: string;
  setAuthor: (name: string) => void;
  signIn: (token: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The server refused a write as unauthorised: the session is gone (expired, token changed). */
  lost: () => void;
};

export function useEditor(enabled: boolean): Editor {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [author, setAuthorState] = useState(DEFAULT_AUTHOR);
  useEffect(() => {
    if (!enabled) return;
    setAuthorState(localStorage.getItem(AUTHOR_KEY) || DEFAULT_AUTHOR);
    getSession().then(setSignedIn, () => setSignedIn(false));
  }, [enabled]);
  const setAuthor = useCallback((name: string) => {
    const n = name.trim().slice(0, 80) || DEFAULT_AUTHOR;
    localStorage.setItem(AUTHOR_KEY, n);
    setAuthorState(n);
  }, []);
  const doSignIn = useCallback(async (token: string) => setSignedIn(await signIn(token)), []);
  const doSignOut = useCallback(async () => {
    await signOut();
    setSignedIn(false);
  }, []);
  const lost = useCallback(() => setSignedIn(false), []);
  return { signedIn, author, setAuthor, signIn: doSignIn, signOut: doSignOut, lost };
}

type Props = {
  editor: Editor;
  /** What signing in is for, said in the dialog ("to add a report"). */
  purpose: string;
  onSignedIn: () => void;
  onClose: () => void;
};

export function EditorSignIn({ editor, purpose, onSignedIn, onClose }: Props) {
  const tokenField = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(editor.author);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = tokenField.current?.value ?? "";
    setBusy(true);
    setError(null);
    try {
      await editor.signIn(token);
      editor.setAuthor(name);
      onSignedIn();
    } catch (err) {
      setError(messageOf(err));
      tokenField.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Editor sign-in" className="signin-dialog" initialFocus={tokenField} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p className="muted">Sign in with the editor token {purpose}. The server printed it at its first start (or it is STRIKELINE_EDITOR_TOKEN).</p>
        <label className="field">
          <span>Editor token</span>
          <input ref={tokenField} type="password" name="token" required autoComplete="current-password" spellCheck={false} />
        </label>
        <label className="field">
          <span>Your name, for the correction log</span>
          <input type="text" name="author" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <FormEnd error={error} busy={busy} label="Sign in" busyLabel="Signing in…" primary />
      </form>
    </Modal>
  );
}
