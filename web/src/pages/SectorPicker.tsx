import { useEffect, useState } from 'preact/hooks';
import { api, type Sector } from '../api';
import { ChoiceList, commaList, ErrorText, Field } from '../components';
import { t } from '../i18n';

/**
 * An organization's sectors, ticked in the platform's list (GET /api/sectors). A value it holds that
 * the list lacks is offered too, so that saving does not drop it unseen. When the organizers keep no
 * list, sectors are written freely, separated by commas, as the API then accepts.
 */
export function SectorPicker(props: {
  name: string;
  legend: string;
  value: string[];
  onChange: (value: string[]) => void;
  errors?: string[];
}) {
  const { name, legend, value, onChange, errors } = props;
  const [list, setList] = useState<Sector[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    api<Sector[]>('/sectors').then(setList, setError);
  }, []);
  // A value set from outside (a profile loaded after the form) shows in the free text too.
  useEffect(() => {
    if (commaList(text).join(', ') !== value.join(', ')) setText(value.join(', '));
  }, [value.join('\n')]);
  if (!list) {
    return error ? <ErrorText error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  }
  if (list.length === 0) {
    return (
      <Field
        name={name}
        label={legend}
        hint={t('sectorPicker.freeHint')}
        value={text}
        errors={errors}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(commaList(e.currentTarget.value));
        }}
      />
    );
  }
  const labels = list.map((s) => s.label);
  const options = [...labels, ...value.filter((v) => !labels.includes(v))].map(
    (label) => [label, label] as const,
  );
  return (
    <ChoiceList
      name={name}
      legend={legend}
      hint={t('sectorPicker.hint')}
      value={value}
      options={options}
      onChange={onChange}
      errors={errors}
    />
  );
}
