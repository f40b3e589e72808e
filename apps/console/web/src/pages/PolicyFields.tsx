import { Collapse, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useT } from '../i18n.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

interface Leaf {
  path: Path;
  value: Json;
}

const isPrimitiveList = (value: Json): value is (string | number)[] => Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number');

/** The values a person edits one by one: numbers, strings, switches, lists of codes; an object or a list of objects is opened into its fields. */
function leavesOf(value: Json, path: Path = []): Leaf[] {
  if (value !== null && typeof value === 'object' && !isPrimitiveList(value)) {
    return Array.isArray(value) ? value.flatMap((item, index) => leavesOf(item, [...path, index])) : Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]));
  }
  return [{ path, value }];
}

function withValueAt(document: Json, [head, ...rest]: Path, value: Json): Json {
  if (head === undefined) return value;
  if (Array.isArray(document)) return document.map((item, index) => (index === head ? withValueAt(item, rest, value) : item));
  const object = document as Record<string, Json>;
  return { ...object, [head]: withValueAt(object[head] ?? null, rest, value) };
}

/** What a person typed where nothing was set: a number or a switch where it reads as one, else the text. */
function typedText(text: string): Json {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** A list of codes as entered (tags are text): numbers stay numbers where the list held numbers. */
const listFrom = (tags: string[], was: (string | number)[]) => (was.length > 0 && was.every((item) => typeof item === 'number') ? tags.map(Number) : tags);

function LeafInput({ leaf, label, onChange }: { leaf: Leaf; label: string; onChange: (value: Json) => void }) {
  const { value } = leaf;
  if (typeof value === 'number') return <InputNumber aria-label={label} value={value} onChange={(next) => next !== null && onChange(next)} style={{ width: 160 }} />;
  if (typeof value === 'boolean') return <Switch aria-label={label} checked={value} onChange={onChange} />;
  if (isPrimitiveList(value)) return <Select aria-label={label} mode="tags" style={{ minWidth: 320 }} value={value.map(String)} onChange={(tags: string[]) => onChange(listFrom(tags, value))} />;
  if (typeof value === 'string') return <Input aria-label={label} value={value} onChange={(event) => onChange(event.target.value)} style={{ width: 320 }} />;
  // null: an unset value (no upper bound, no date); a number or true/false is read as one, anything else as text.
  return <Input aria-label={label} placeholder="null" onBlur={(event) => event.target.value && onChange(typedText(event.target.value))} style={{ width: 160 }} />;
}

/**
 * The policy as a form, a field for each setting, grouped by its top-level section: made from the
 * document itself, so a setting added to the policy's shape is here without a change. Each edit
 * gives the whole document back; the server checks it against the policy's schema when it is run.
 */
export function PolicyFields({ policy, onChange }: { policy: Record<string, Json>; onChange: (policy: Record<string, Json>) => void }) {
  const t = useT();
  const sections = Object.entries(policy);
  return (
    <section aria-label={t('policyForm')}>
      <Collapse
        size="small"
        items={sections.map(([section, value]) => ({
          key: section,
          label: section,
          children: (
            <table style={{ borderSpacing: '8px 4px' }}>
              <tbody>
                {leavesOf(value, [section]).map((leaf) => {
                  const label = leaf.path.join('.');
                  return (
                    <tr key={label}>
                      <td>
                        <Typography.Text code>{label}</Typography.Text>
                      </td>
                      <td>
                        <LeafInput leaf={leaf} label={label} onChange={(next) => onChange(withValueAt(policy, leaf.path, next) as Record<string, Json>)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ),
        }))}
      />
    </section>
  );
}
