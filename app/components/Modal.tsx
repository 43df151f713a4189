"use client";
/**
 * A modal dialog (the native <dialog>, so focus stays inside and Escape closes it): shown when
 * mounted, with a title and a close button; a click on the backdrop closes it too. Focus goes to
 * `initialFocus` when given, else to the first control, and back where it was when it closes.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

type Props = {
  title: string;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
};

export function Modal({ title, className, initialFocus, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    d?.showModal();
    initialFocus?.current?.focus();
    return () => {
      d?.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className ? `modal ${className}` : "modal"}
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && e.currentTarget.close()}
    >
      <div className="modal-body">
        <header className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close" aria-label="Close" onClick={() => dialog.current?.close()}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
