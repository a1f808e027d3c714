import { useMutation } from '@apollo/client/react';
import { useState, type SubmitEvent } from 'react';
import { GATEWAY_REQUEST_ID, storeOrgMeta } from './apollo';
import {
  CreateBadgeOrgMetaDocument,
  UpdateBadgeOrgMetaDocument,
  type BadgeOrgMetaTagInput,
  type OrgMetaFieldsFragment,
} from './gql/graphql';
import type { SaveOutcome, SaveResult } from './Outcome';

interface TagDraft {
  key: string;
  dataType: string;
  description: string;
  mandatory: boolean;
}

/** A tag's text inputs, each with its label. */
const TEXT_FIELDS = [
  ['key', 'Key'],
  ['dataType', 'Data type'],
  ['description', 'Description'],
] as const;

/** Capillary's documented example tag, for an org that has no org meta yet. */
const EXAMPLE_TAG: TagDraft = {
  key: 'Category',
  dataType: 'string',
  description: 'Type of badge (Exclusive, Regular)',
  mandatory: false,
};

export interface Problem {
  readonly path: readonly string[];
  readonly message: string;
}

interface TagsFormProps {
  /** The org meta stored now: the form edits it, or creates one when there is none. */
  readonly stored: OrgMetaFieldsFragment | null;
  /** The gateway's problems with the last input, each shown next to the field its path names. */
  readonly problems: readonly Problem[];
  readonly onOutcome: (outcome: SaveOutcome) => void;
}

export function TagsForm({ stored, problems, onOutcome }: TagsFormProps) {
  const [orgId, setOrgId] = useState(String(stored?.orgId ?? 100458));
  const [tags, setTags] = useState<TagDraft[]>(stored === null ? [EXAMPLE_TAG] : stored.tags.map(toDraft));
  // A saved org meta becomes the one the page reads: the form then edits it.
  const [create, creating] = useMutation(CreateBadgeOrgMetaDocument, {
    update: (cache, { data }) => {
      const result = data?.createBadgeOrgMeta;
      if (result?.__typename === 'CreateBadgeOrgMetaSuccess') storeOrgMeta(cache, result.orgMeta);
    },
  });
  const [update, updating] = useMutation(UpdateBadgeOrgMetaDocument, {
    update: (cache, { data }) => {
      const result = data?.updateBadgeOrgMeta;
      if (result?.__typename === 'UpdateBadgeOrgMetaSuccess') storeOrgMeta(cache, result.orgMeta);
    },
  });

  async function send(): Promise<{ result?: SaveResult; extensions?: Record<string, unknown> }> {
    const input = { orgId: Number(orgId), tags: tags.map(toInput) };
    if (stored !== null) {
      const { data, extensions } = await update({ variables: { input } });
      return { result: data?.updateBadgeOrgMeta, extensions };
    }
    const { data, extensions } = await create({ variables: { input } });
    return { result: data?.createBadgeOrgMeta, extensions };
  }

  async function save(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { result, extensions } = await send();
      const id = extensions?.[GATEWAY_REQUEST_ID];
      onOutcome(
        result === undefined
          ? { kind: 'failed', message: 'The gateway answered without data.' }
          : { kind: 'answer', result, gatewayRequestId: typeof id === 'string' ? id : null },
      );
    } catch (error) {
      onOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const change = (index: number, patch: Partial<TagDraft>) => {
    setTags(tags.map((tag, at) => (at === index ? { ...tag, ...patch } : tag)));
  };
  const at = (...path: string[]) => problems.filter((problem) => problem.path.join('.') === path.join('.'));
  // Problems at paths no input shows (an empty path: the whole input) go above the form.
  const shown = new Set(['orgId', 'tags']);
  tags.forEach((_, index) => {
    shown.add(`tags.${index}`);
    for (const name of [...TEXT_FIELDS.map(([field]) => field), 'mandatory'])
      shown.add(`tags.${index}.${name}`);
  });
  const elsewhere = problems.filter((problem) => !shown.has(problem.path.join('.')));

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Problems id="input-problems" problems={elsewhere} />
      <Field
        id="orgId"
        label="Org id"
        value={orgId}
        onChange={setOrgId}
        problems={at('orgId')}
        type="number"
      />
      <fieldset>
        <legend>Tags</legend>
        <Problems id="tags-problems" problems={at('tags')} />
        {tags.map((tag, index) => {
          const id = `tags-${index}`;
          const path = ['tags', String(index)];
          return (
            <div className="tag" key={index}>
              {TEXT_FIELDS.map(([name, label]) => (
                <Field
                  key={name}
                  id={`${id}-${name}`}
                  label={label}
                  value={tag[name]}
                  onChange={(value) => {
                    change(index, { [name]: value });
                  }}
                  problems={at(...path, name)}
                />
              ))}
              <div className="field">
                <label>
                  <input
                    type="checkbox"
                    checked={tag.mandatory}
                    onChange={(event) => {
                      change(index, { mandatory: event.target.checked });
                    }}
                  />{' '}
                  Mandatory
                </label>
                <Problems id={`${id}-mandatory-problems`} problems={at(...path, 'mandatory')} />
              </div>
              <button
                type="button"
                onClick={() => {
                  setTags(tags.filter((_, other) => other !== index));
                }}
              >
                Remove
              </button>
              <Problems id={`${id}-problems`} problems={at(...path)} />
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => {
            setTags([...tags, { key: '', dataType: 'string', description: '', mandatory: false }]);
          }}
        >
          Add a tag
        </button>
      </fieldset>
      <button type="submit" className="primary" disabled={creating.loading || updating.loading}>
        {stored === null ? 'Create the org meta' : 'Save the tags'}
      </button>
    </form>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problems: readonly Problem[];
  readonly type?: string;
}

/** A text input with the gateway's problems for it right below. */
function Field({ id, label, value, onChange, problems, type = 'text' }: FieldProps) {
  const problemsId = `${id}-problems`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? problemsId : undefined}
      />
      <Problems id={problemsId} problems={problems} />
    </div>
  );
}

function Problems({ id, problems }: { readonly id: string; readonly problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" id={id}>
      {problems.map((problem) => (
        <li key={problem.message}>{problem.message}</li>
      ))}
    </ul>
  );
}

function toDraft(tag: OrgMetaFieldsFragment['tags'][number]): TagDraft {
  return {
    key: tag.key,
    dataType: tag.dataType,
    description: tag.description ?? '',
    mandatory: tag.mandatory ?? false,
  };
}

function toInput(tag: TagDraft): BadgeOrgMetaTagInput {
  return {
    key: tag.key,
    dataType: tag.dataType,
    description: tag.description === '' ? null : tag.description,
    mandatory: tag.mandatory,
  };
}
