import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sectionsDiff } from '../testing/api-fixtures';
import { SectionDiff } from './SectionDiff';

describe('SectionDiff', () => {
  it('gives each changed section its own entry, in the order the API lists them', () => {
    render(<SectionDiff sections={sectionsDiff.sections ?? []} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['interface GigabitEthernet1/0/2 changed', 'global changed', 'interface Loopback99 added']);
  });

  it("lists a section's removed lines before its added ones, each marked in words, under its summary", () => {
    render(<SectionDiff sections={sectionsDiff.sections ?? []} />);
    const global = screen.getByRole('heading', { name: 'global changed' }).closest('li') as HTMLElement;
    expect(within(global).getByText(/^global: ntp server 10\.250\.0\.12 removed/)).toBeTruthy();
    const lines = [...global.querySelectorAll('pre > span')].map((line) => [line.className, line.textContent]);
    expect(lines).toEqual([
      ['removed', '- removed: ntp server 10.250.0.12\n'],
      ['added', '+ added: ntp server 10.250.0.98\n'],
      ['added', '+ added: ntp server 10.250.0.99\n'],
    ]);
  });

  it('shows a new section with only added lines', () => {
    render(<SectionDiff sections={sectionsDiff.sections ?? []} />);
    const loopback = screen.getByRole('heading', { name: 'interface Loopback99 added' }).closest('li') as HTMLElement;
    expect(loopback.querySelectorAll('pre > .removed')).toHaveLength(0);
    expect(within(loopback).getByText('description management')).toBeTruthy();
  });

  it('says so when no section changed', () => {
    render(<SectionDiff sections={[]} />);
    expect(screen.getByText('No section changed between these versions.')).toBeTruthy();
  });
});
