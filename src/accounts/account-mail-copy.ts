import type { MailContent } from '../notifications/mail-copy';

/** The mails of the account journeys (registration, reset, invitation, requests), in both languages. */
export const ACCOUNT_MAIL_TEMPLATES = ['verify_registration', 'password_reset', 'invitation', 'verify_email_change', 'join_request', 'registration_waiting', 'account_ready', 'request_refused'] as const;
export type AccountMailTemplate = (typeof ACCOUNT_MAIL_TEMPLATES)[number];

export interface AccountMailFacts {
  recipientName: string;
  /** The link the mail leads to (with its single-use token where there is one). */
  url: string;
  organization?: string;
  /** Who invites, or who asks to join. */
  person?: string;
  reason?: string;
}

type Copy = Readonly<Record<AccountMailTemplate, (f: AccountMailFacts) => MailContent>>;

const VI_SIGNATURE = 'Sở Công Thương Hải Phòng\nThư này được gửi tự động, vui lòng không trả lời.';
const EN_SIGNATURE = 'Hai Phong Department of Industry and Trade\nThis message was sent automatically; please do not reply.';

const vi: Copy = {
  verify_registration: (f) => ({
    subject: 'Xác nhận địa chỉ thư điện tử để hoàn tất đăng ký',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Bạn vừa đăng ký tài khoản cho ${f.organization ?? 'doanh nghiệp'} trên Cổng dịch vụ chuyển đổi xanh của Sở Công Thương Hải Phòng. Mở liên kết dưới đây để xác nhận địa chỉ thư này (liên kết dùng một lần, có hiệu lực 48 giờ).` },
      { kind: 'link', label: 'Xác nhận địa chỉ thư điện tử', url: f.url },
      { kind: 'paragraph', text: 'Nếu bạn không đăng ký, hãy bỏ qua thư này: không tài khoản nào được tạo.' },
    ],
    signature: VI_SIGNATURE,
  }),
  password_reset: (f) => ({
    subject: 'Đặt lại mật khẩu',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: 'Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Mở liên kết dưới đây để đặt mật khẩu mới (liên kết dùng một lần, có hiệu lực 60 phút).' },
      { kind: 'link', label: 'Đặt mật khẩu mới', url: f.url },
      { kind: 'paragraph', text: 'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.' },
    ],
    signature: VI_SIGNATURE,
  }),
  invitation: (f) => ({
    subject: `Lời mời tham gia ${f.organization ?? ''} trên Cổng dịch vụ chuyển đổi xanh`,
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `${f.person ?? 'Quản trị viên'} mời bạn tham gia ${f.organization ?? 'tổ chức'} để lập và theo dõi hồ sơ với Sở Công Thương Hải Phòng. Mở liên kết để đặt mật khẩu và bắt đầu (có hiệu lực 7 ngày).` },
      { kind: 'link', label: 'Nhận lời mời', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
  verify_email_change: (f) => ({
    subject: 'Xác nhận địa chỉ thư điện tử mới',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: 'Bạn vừa đổi địa chỉ thư điện tử của tài khoản. Mở liên kết dưới đây để xác nhận; đến khi xác nhận, địa chỉ cũ vẫn được dùng.' },
      { kind: 'link', label: 'Xác nhận địa chỉ mới', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
  join_request: (f) => ({
    subject: `${f.person ?? 'Một người'} xin tham gia ${f.organization ?? 'tổ chức của bạn'}`,
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `${f.person ?? 'Một người'} đã đăng ký với mã số thuế của ${f.organization ?? 'tổ chức'} và xin tham gia. Với vai trò quản trị của tổ chức, bạn duyệt hoặc từ chối yêu cầu trên trang tổ chức.` },
      { kind: 'link', label: 'Xem yêu cầu', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
  registration_waiting: (f) => ({
    subject: 'Đăng ký đang chờ Sở Công Thương duyệt',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Địa chỉ thư của bạn đã được xác nhận. Đăng ký của ${f.organization ?? 'tổ chức'} đang chờ duyệt; bạn sẽ nhận thư khi tài khoản được kích hoạt.` },
      { kind: 'link', label: 'Trang chủ', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
  account_ready: (f) => ({
    subject: 'Tài khoản đã được kích hoạt',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Tài khoản của bạn tại ${f.organization ?? 'tổ chức'} đã sẵn sàng. Đăng nhập bằng địa chỉ thư này và mật khẩu bạn đã đặt.` },
      { kind: 'link', label: 'Đăng nhập', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
  request_refused: (f) => ({
    subject: 'Yêu cầu tài khoản không được chấp thuận',
    greeting: `Kính gửi ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Yêu cầu tài khoản cho ${f.organization ?? 'tổ chức'} không được chấp thuận${f.reason ? `, với lý do: ${f.reason}` : ''}.` },
      { kind: 'link', label: 'Trang chủ', url: f.url },
    ],
    signature: VI_SIGNATURE,
  }),
};

const en: Copy = {
  verify_registration: (f) => ({
    subject: 'Confirm your e-mail address to finish registering',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `You registered an account for ${f.organization ?? 'your business'} on the green-transformation portal of the Hai Phong Department of Industry and Trade. Open the link below to confirm this address (single use, valid for 48 hours).` },
      { kind: 'link', label: 'Confirm the e-mail address', url: f.url },
      { kind: 'paragraph', text: 'If you did not register, ignore this message: no account is created.' },
    ],
    signature: EN_SIGNATURE,
  }),
  password_reset: (f) => ({
    subject: 'Reset your password',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: 'A password reset was asked for your account. Open the link below to choose a new password (single use, valid for 60 minutes).' },
      { kind: 'link', label: 'Choose a new password', url: f.url },
      { kind: 'paragraph', text: 'If you did not ask, ignore this message: your password stays as it is.' },
    ],
    signature: EN_SIGNATURE,
  }),
  invitation: (f) => ({
    subject: `Invitation to join ${f.organization ?? ''} on the green-transformation portal`,
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `${f.person ?? 'An administrator'} invites you to join ${f.organization ?? 'their organization'} to prepare and follow dossiers with the Hai Phong Department of Industry and Trade. Open the link to choose a password and start (valid for 7 days).` },
      { kind: 'link', label: 'Accept the invitation', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
  verify_email_change: (f) => ({
    subject: 'Confirm your new e-mail address',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: 'You changed the e-mail address of your account. Open the link below to confirm it; until then the old address stays in use.' },
      { kind: 'link', label: 'Confirm the new address', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
  join_request: (f) => ({
    subject: `${f.person ?? 'Someone'} asks to join ${f.organization ?? 'your organization'}`,
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `${f.person ?? 'Someone'} registered with the tax code of ${f.organization ?? 'your organization'} and asks to join. As its administrator you approve or refuse the request on the organization page.` },
      { kind: 'link', label: 'See the request', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
  registration_waiting: (f) => ({
    subject: 'Your registration awaits the Department\'s approval',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Your e-mail address is confirmed. The registration of ${f.organization ?? 'your organization'} awaits approval; you will get a message when the account is active.` },
      { kind: 'link', label: 'Home page', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
  account_ready: (f) => ({
    subject: 'Your account is active',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `Your account with ${f.organization ?? 'your organization'} is ready. Sign in with this e-mail address and the password you chose.` },
      { kind: 'link', label: 'Sign in', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
  request_refused: (f) => ({
    subject: 'Your account request was not approved',
    greeting: `Dear ${f.recipientName},`,
    blocks: [
      { kind: 'paragraph', text: `The account request for ${f.organization ?? 'your organization'} was not approved${f.reason ? `, for this reason: ${f.reason}` : ''}.` },
      { kind: 'link', label: 'Home page', url: f.url },
    ],
    signature: EN_SIGNATURE,
  }),
};

export const accountCopyFor = (locale: 'vi' | 'en'): Copy => (locale === 'en' ? en : vi);
