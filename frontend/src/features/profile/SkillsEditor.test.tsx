import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SkillsEditor } from './SkillsEditor';
import type { SkillDraft } from './skills';

function Harness({ initial = [], onSubmit = () => {} }: { initial?: SkillDraft[]; onSubmit?: () => void }) {
  const [skills, setSkills] = useState<SkillDraft[]>(initial);
  return (
    <MantineProvider>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <SkillsEditor value={skills} onChange={setSkills} />
        <output data-testid="value">{JSON.stringify(skills.map(({ name, level }) => ({ name, level })))}</output>
      </form>
    </MantineProvider>
  );
}

const chipNames = () =>
  within(screen.getByRole('list', { name: 'Your skills' }))
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('p')?.textContent);

describe('SkillsEditor', () => {
  it('adds a skill when Enter is pressed, without submitting the form', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);

    const input = screen.getByLabelText('Add skill');
    await user.type(input, '  TypeScript {Enter}');

    expect(chipNames()).toEqual(['TypeScript']);
    expect(input).toHaveValue('');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Remove TypeScript' })).toBeInTheDocument();
  });

  it('refuses duplicates case-insensitively and says why', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[{ name: 'Python', level: 4 }]} />);

    const input = screen.getByLabelText('Add skill');
    await user.type(input, 'python{Enter}');

    expect(chipNames()).toEqual(['Python']);
    expect(screen.getByText('“Python” is already in your skills')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('“Python” is already in your skills'));
    expect(input).toHaveValue('python'); // kept so it can be corrected
  });

  it('adds several comma-separated skills at once, skipping duplicates within the batch', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Add skill');
    await user.type(input, 'SQL, Docker, sql,{Enter}');
    expect(chipNames()).toEqual(['SQL', 'Docker']);
    expect(input).toHaveValue('sql'); // only the refused name is left in the box
  });

  it('removes a chip with its labelled remove button and keeps focus in the editor', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={[
          { name: 'Go', level: null },
          { name: 'Rust', level: 2 },
        ]}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Remove Go' }));

    expect(chipNames()).toEqual(['Rust']);
    expect(screen.queryByRole('button', { name: 'Remove Go' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Rust' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Remove Rust' }));
    expect(screen.queryByRole('list', { name: 'Your skills' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Add skill')).toHaveFocus();
  });

  it('sets an optional 1–5 level per skill', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[{ name: 'Rust', level: null }]} />);
    await user.selectOptions(screen.getByLabelText('Level for Rust'), '3');
    expect(screen.getByTestId('value')).toHaveTextContent('[{"name":"Rust","level":3}]');
    await user.selectOptions(screen.getByLabelText('Level for Rust'), '');
    expect(screen.getByTestId('value')).toHaveTextContent('[{"name":"Rust","level":null}]');
  });
});
