import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { EligibilityReasons } from './EligibilityReasons';

describe('EligibilityReasons', () => {
  it('shows one item per code with the server messages', () => {
    render(
      <EligibilityReasons
        reasons={[
          { code: 'starsBelowMinimum', message: 'Cam Cao Phong: 3★, hội chợ yêu cầu 4★', productId: 'p1' },
          { code: 'starsBelowMinimum', message: 'Rượu cam: 3★, hội chợ yêu cầu 4★', productId: 'p2' },
          { code: 'registrationClosed', message: 'Hội chợ đã đóng đăng ký' },
        ]}
      />,
    );
    const box = screen.getByTestId('eligibility-reasons');
    expect(box.textContent).toContain('Chưa đủ điều kiện:');
    const stars = screen.getByTestId('reason-starsBelowMinimum');
    expect(stars.getAttribute('data-product-ids')).toBe('p1 p2');
    expect(stars.querySelectorAll('li').length).toBe(2);
    expect(stars.textContent).toContain('Rượu cam: 3★');
    expect(screen.getByTestId('reason-registrationClosed').textContent).toBe('Hội chợ đã đóng đăng ký');
  });

  it('falls back to its own text and names the products', () => {
    render(
      <EligibilityReasons
        reasons={[{ code: 'certificateExpiresBeforeFairEnds', productId: 'p1' }, { code: 'profileIncomplete' }, { code: 'somethingNew' }]}
        productName={(id) => (id === 'p1' ? 'Bưởi Diễn' : undefined)}
      />,
    );
    expect(screen.getByTestId('reason-certificateExpiresBeforeFairEnds').textContent).toBe(
      'Giấy chứng nhận hết hạn trước khi hội chợ kết thúc: Bưởi Diễn',
    );
    expect(screen.getByTestId('reason-profileIncomplete').textContent).toBe('Hồ sơ chủ thể chưa đầy đủ');
    expect(screen.getByTestId('reason-somethingNew').textContent).toBe('somethingNew');
  });

  it('renders nothing without reasons', () => {
    const { container } = render(<EligibilityReasons reasons={[]} />);
    expect(container.innerHTML).toBe('');
    expect(screen.queryByTestId('eligibility-reasons')).toBeNull();
  });
});
