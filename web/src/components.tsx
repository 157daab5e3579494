import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Slot } from './api';
import { formatSlot, t } from './i18n';

/** A multi-line field's text as a list: one item per line, blank lines left out. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A one-line field's text as a list: items separated by commas. */
export const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);

interface FieldFrame {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
}

/** Label, hint and the API's messages around one control, tied to it for screen readers. */
function Labelled({
  name,
  label,
  errors = [],
  hint,
  control,
}: FieldFrame & { control: (aria: Record<string, unknown>) => JSX.Element }) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control({
        id,
        name,
        'aria-invalid': errors.length > 0,
        'aria-describedby': described || undefined,
      })}
      {errors.length > 0 && (
        <p class="error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
    </div>
  );
}

/** A labelled input with the API's messages about it. */
export function Field(
  props: FieldFrame & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'name' | 'label'>,
) {
  const { name, label, errors, hint, ...input } = props;
  return (
    <Labelled
      {...{ name, label, errors, hint }}
      control={(aria) => <input {...aria} {...input} />}
    />
  );
}

/** A labelled multi-line field with its hint and the API's messages about it. */
export function TextAreaField(
  props: FieldFrame & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'label'>,
) {
  const { name, label, errors, hint, ...textarea } = props;
  return (
    <Labelled
      {...{ name, label, errors, hint }}
      control={(aria) => <textarea {...aria} {...textarea} />}
    />
  );
}

/** A labelled choice among `options` ([value, text] pairs), with its hint. */
export function SelectField<T extends string | number>(
  props: FieldFrame & {
    value: T;
    options: readonly (readonly [T, string])[];
    onChange: (value: T) => void;
    disabled?: boolean;
  },
) {
  const { name, label, errors, hint, value, options, onChange, disabled } = props;
  return (
    <Labelled
      {...{ name, label, errors, hint }}
      control={(aria) => (
        <select
          {...aria}
          value={String(value)}
          disabled={disabled}
          onChange={(e) => {
            const picked = options.find(([v]) => String(v) === e.currentTarget.value);
            if (picked) onChange(picked[0]);
          }}
        >
          {options.map(([v, text]) => (
            <option key={String(v)} value={String(v)}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/**
 * Several choices among `options` as checkboxes in a fieldset: the legend names the group, the hint
 * and the API's messages are tied to it, and each box says when the answer was refused. `value` keeps
 * the options' order.
 */
export function ChoiceList(
  props: Omit<FieldFrame, 'label'> & {
    legend: string;
    value: readonly string[];
    options: readonly (readonly [string, string])[];
    onChange: (value: string[]) => void;
  },
) {
  const { name, legend, errors = [], hint, value, options, onChange } = props;
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const toggle = (option: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(option);
    else next.delete(option);
    onChange(options.map(([v]) => v).filter((v) => next.has(v)));
  };
  return (
    <fieldset class="field" id={id} aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div class="choice-grid">
        {options.map(([option, text], i) => (
          <label key={option} class="choice" for={`${id}-${i}`}>
            <input
              id={`${id}-${i}`}
              type="checkbox"
              name={name}
              value={option}
              checked={value.includes(option)}
              aria-invalid={errors.length > 0}
              onChange={(e) => toggle(option, e.currentTarget.checked)}
            />
            {text}
          </label>
        ))}
      </div>
      {errors.length > 0 && (
        <p class="error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
    </fieldset>
  );
}

/**
 * An error from an action, shown where the action is, in the reader's language: for an API
 * refusal, what is not already shown beside the `placed` fields; anything else is "try again".
 */
/** One box to tick, its label beside it, a hint under it, and what the API said of it. */
export function CheckboxField(props: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: string[];
}) {
  const id = `field-${props.name}`;
  const errors = props.errors ?? [];
  return (
    <div class="field">
      <label class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          checked={props.checked}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          aria-invalid={errors.length > 0 || undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {errors.length > 0 && (
        <p class="error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
    </div>
  );
}

export function ErrorText({ error, placed }: { error: unknown; placed?: readonly string[] }) {
  if (!error) return null;
  const texts = error instanceof ApiError ? error.except(placed) : [t('common.networkError')];
  if (texts.length === 0) return null;
  return (
    <p class="error" role="alert">
      {texts.join(' · ')}
    </p>
  );
}

export function LiveIndicator({ live }: { live: boolean }) {
  return (
    <p class={live ? 'live on' : 'live'} data-live={live ? 'on' : 'off'} role="status">
      {live ? t('live.on') : t('live.off')}
    </p>
  );
}

/** The slots both people (and a table) have free, to pick one; `preferred` is chosen when free. */
export function SlotPicker(props: {
  editionId: string;
  withParticipantId: string;
  timeZone: string;
  label: string;
  value: string;
  onChange: (slotId: string) => void;
  optional?: boolean;
  preferred?: string | null;
  /** A colleague of my stand who would hold the meeting: their free slots, not mine. */
  holderId?: string;
}) {
  const { editionId, withParticipantId, timeZone, label, value, onChange, optional, preferred } =
    props;
  const holder = props.holderId ? `&holder=${props.holderId}` : '';
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Slot[]>(`/editions/${editionId}/meetings/free-slots?with=${withParticipantId}${holder}`)
      .then((free) => {
        setSlots(free);
        const pick = free.find((s) => s.id === preferred) ?? (optional ? undefined : free[0]);
        if (pick && !value) onChange(pick.id);
      })
      .catch(setError);
  }, [editionId, withParticipantId, holder]);
  const id = `slot-${withParticipantId}`;
  if (error) return <ErrorText error={error} />;
  if (!slots) return <p aria-busy="true">{t('common.loading')}</p>;
  if (slots.length === 0) return <p>{t('slot.none')}</p>;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {optional && <option value="">{t('slot.noPreference')}</option>}
        {slots.map((slot) => (
          <option key={slot.id} value={slot.id}>
            {formatSlot(slot, timeZone)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Previous / next page of a list the server pages, with where one is. */
export function Pager(props: {
  page: number;
  pages: number;
  label: string;
  onPage: (n: number) => void;
}) {
  const { page, pages, label, onPage } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.page', { page, pages })}</span>
      <button
        type="button"
        class="secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
