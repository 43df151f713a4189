"use client";
/** Pieces the review forms share: a labelled menu, and a form's error line with its submit button. */

type Option<T> = { value: T; label: string };

export function SelectField<T extends string | number>({ label, value, options, onChange }: { label: string; value: T; options: readonly Option<T>[]; onChange: (v: T) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)!.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every value of an enumeration with its label. */
export const optionsOf = <T extends string | number>(values: readonly T[], label: (v: T) => string): Option<T>[] => values.map((value) => ({ value, label: label(value) }));

export function FormEnd({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </>
  );
}
