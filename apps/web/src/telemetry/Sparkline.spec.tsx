import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Sparkline } from './Sparkline';

const pathOf = (values: (number | null)[]) => {
  render(<Sparkline description="test" width={30} height={12} series={[{ label: 'in', values, className: 'series-in' }]} />);
  return screen.getByRole('img', { name: 'test' }).querySelector('path')?.getAttribute('d');
};

describe('Sparkline', () => {
  it('spans the width and scales the lowest value to the bottom and the highest to the top', () => {
    expect(pathOf([10, 20, 30, 40])).toBe('M0.0,10.0 L10.0,7.3 L20.0,4.7 L30.0,2.0');
  });

  it('breaks the line at a missing value and draws a value alone between gaps as a dot', () => {
    expect(pathOf([10, null, 20, null, 30, 40])).toBe('M0.0,10.0 L0.0,10.0 M12.0,7.3 L12.0,7.3 M24.0,4.7 L30.0,2.0');
  });
});
