import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the National Public Service Portal that checks every request against docs/DVCQG.md, written from
 * that document (not from the adapter's code): required fields, date formats, code lists, the national code's
 * shape, the session and the idempotency key. A request that breaks the contract is answered with a refusal and
 * kept in `violations`, which a contract test expects to be empty. It can be taken down, made busy or made to
 * refuse, and it takes each idempotency key once.
 */
export interface TakenRecord {
  key: string;
  service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';
  record: Record<string, unknown>;
  at: number;
}

export interface DvcqgPeer {
  readonly url: string;
  readonly taken: TakenRecord[];
  /** Requests that broke the contract, with what was wrong. */
  readonly violations: { path: string; problems: string[]; body: unknown }[];
  /** Keys sent again after they were taken (answered "0", not taken twice). */
  readonly repeats: string[];
  readonly logins: number;
  /** How the peer answers /sync from now on. */
  mode: 'up' | 'busy' | 'refuse';
  /** The next this many records are taken, but the connection drops before the answer (a lost answer). */
  loseAnswers: number;
  /** Ends every session, as the portal does when it restarts. */
  endSessions(): void;
  /** Stops listening (an outage); start() listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  takenFor(nationalCode: string): TakenRecord[];
}

export const PEER_ACCOUNT = { username: 'soct-haiphong', password: 'peer-password-1', unitCode: '000.00.00.H26' };

const DATE = /^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/;
const NATIONAL_CODE = /^[A-Z0-9.]{3,30}-\d{6}-\d{4}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const STATUSES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

type Check = (record: Record<string, unknown>, problems: string[]) => void;
const text = (name: string, required = true): Check => (record, problems) => {
  const value = record[name];
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '') problems.push(`${name}: required text`);
};
const date = (name: string, required = true): Check => (record, problems) => {
  const value = record[name];
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || !DATE.test(value)) problems.push(`${name}: yyyyMMddHHmmss expected, got ${JSON.stringify(value)}`);
};
const oneOf = (name: string, codes: string[]): Check => (record, problems) => {
  if (typeof record[name] !== 'string' || !codes.includes(record[name] as string)) problems.push(`${name}: one of ${codes.join(', ')} expected, got ${JSON.stringify(record[name])}`);
};
const matches = (name: string, pattern: RegExp): Check => (record, problems) => {
  if (typeof record[name] !== 'string' || !pattern.test(record[name] as string)) problems.push(`${name}: does not match ${pattern}`);
};
const list = (name: string, item: Check[]): Check => (record, problems) => {
  const value = record[name];
  if (!Array.isArray(value)) return void problems.push(`${name}: a list expected`);
  value.forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null) return void problems.push(`${name}[${i}]: an object expected`);
    const inner: string[] = [];
    for (const check of item) check(entry as Record<string, unknown>, inner);
    problems.push(...inner.map((p) => `${name}[${i}].${p}`));
  });
};
const knownFields = (fields: string[]): Check => (record, problems) => {
  for (const key of Object.keys(record)) if (!fields.includes(key)) problems.push(`${key}: not a field of this service`);
};

const DOSSIER_FIELDS = ['MaHoSo', 'MaTTHC', 'TenTTHC', 'MaLinhVuc', 'ChuHoSo', 'LoaiDoiTuong', 'MaDoiTuong', 'Email', 'SoDienThoai', 'TrichYeuHoSo', 'NgayTiepNhan', 'NgayHenTra', 'TrangThaiHoSo', 'NgayTra', 'HinhThuc', 'NgayKetThucXuLy', 'DonViXuLy', 'DanhSachLePhi', 'DanhSachHoSoBoSung', 'TaiLieuNop', 'DanhSachGiayToKetQua'];
const DOSSIER: Check[] = [
  knownFields(DOSSIER_FIELDS),
  matches('MaHoSo', NATIONAL_CODE),
  text('MaTTHC'),
  text('TenTTHC'),
  text('MaLinhVuc'),
  text('ChuHoSo'),
  oneOf('LoaiDoiTuong', ['1', '2']),
  matches('MaDoiTuong', TAX_CODE),
  text('Email', false),
  text('SoDienThoai', false),
  text('TrichYeuHoSo'),
  date('NgayTiepNhan'),
  date('NgayHenTra'),
  oneOf('TrangThaiHoSo', STATUSES),
  date('NgayTra', false),
  oneOf('HinhThuc', ['1', '2', '3']),
  date('NgayKetThucXuLy', false),
  text('DonViXuLy'),
  list('DanhSachLePhi', [text('TenPhiLePhi'), text('MaPhiLePhi')]),
  list('DanhSachHoSoBoSung', [date('NgayYeuCauBoSung'), date('NgayNopBoSung', false)]),
  list('TaiLieuNop', [text('TepDinhKemId'), text('TenTepDinhKem')]),
  list('DanhSachGiayToKetQua', [text('MaGiayTo'), text('TenGiayTo'), text('DuongDanTepTin')]),
  (record, problems) => {
    const status = record.TrangThaiHoSo;
    if (status === '10' && record.NgayTra === undefined) problems.push('NgayTra: required when the status is 10');
    if ((status === '9' || status === '10') && record.NgayKetThucXuLy === undefined) problems.push('NgayKetThucXuLy: required when the status is 9 or 10');
  },
];
const PROGRESS: Check[] = [
  knownFields(['MaHoSo', 'NguoiXuLy', 'ChucDanh', 'ThoiDiemXuLy', 'PhongBanXuLy', 'NoiDungXuLy', 'TrangThai', 'NgayBatDau', 'NgayKetThucTheoQuyDinh']),
  matches('MaHoSo', NATIONAL_CODE),
  text('NguoiXuLy'),
  text('ChucDanh'),
  date('ThoiDiemXuLy'),
  text('PhongBanXuLy'),
  text('NoiDungXuLy'),
  oneOf('TrangThai', STATUSES),
  date('NgayBatDau'),
  date('NgayKetThucTheoQuyDinh', false),
];

async function bodyOf(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startDvcqgPeer(): Promise<DvcqgPeer> {
  const taken: TakenRecord[] = [];
  const violations: DvcqgPeer['violations'] = [];
  const repeats: string[] = [];
  const sessions = new Set<string>();
  let logins = 0;
  let port = 0;
  let server: http.Server | undefined;

  const answer = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = (await bodyOf(req)) as Record<string, unknown> | undefined;
    const problems: string[] = [];
    if (req.method !== 'POST') problems.push(`method ${req.method}: POST expected`);
    if (!String(req.headers['content-type']).startsWith('application/json')) problems.push('content-type: application/json expected');
    if (!body || typeof body !== 'object') problems.push('body: a JSON object expected');
    if (req.url === '/login') {
      if (problems.length) return violation(res, '/login', problems, body);
      if (body!.username !== PEER_ACCOUNT.username || body!.password !== PEER_ACCOUNT.password) return answer(res, 401, { error_code: '401', message: 'Sai tài khoản' });
      if (body!.madonvi !== PEER_ACCOUNT.unitCode) return violation(res, '/login', [`madonvi: ${PEER_ACCOUNT.unitCode} expected`], body);
      logins++;
      const session = `s-${logins}-${Math.random().toString(36).slice(2)}`;
      sessions.add(session);
      return answer(res, 200, { session, expires_in: 3600 });
    }
    if (req.url !== '/sync') return answer(res, 404, { error_code: '404', message: 'Không có dịch vụ này' });
    if (peer.mode === 'busy') return answer(res, 503, { error_code: '503', message: 'Hệ thống đang bận' });
    if (typeof body?.session !== 'string' || !sessions.has(body.session)) return answer(res, 200, { error_code: '401', message: 'Phiên làm việc đã hết hạn' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length < 8) problems.push('Idempotency-Key: required');
    if (body!.madonvi !== PEER_ACCOUNT.unitCode) problems.push(`madonvi: ${PEER_ACCOUNT.unitCode} expected`);
    const service = body!.service;
    if (service !== 'DongBoHoSoMC' && service !== 'CapNhatTienDoHoSoMC') problems.push(`service: unknown ${JSON.stringify(service)}`);
    if (typeof body!.isUpdating !== 'boolean') problems.push('isUpdating: a boolean expected');
    const data = body!.data;
    if (!Array.isArray(data) || data.length !== 1 || typeof data[0] !== 'object') problems.push('data: a list of one record expected');
    else for (const check of service === 'DongBoHoSoMC' ? DOSSIER : PROGRESS) check(data[0] as Record<string, unknown>, problems);
    if (problems.length) return violation(res, '/sync', problems, body);
    if (peer.mode === 'refuse') return answer(res, 200, { error_code: '-1', message: 'Mã thủ tục không tồn tại trên Cổng' });
    const record = (data as Record<string, unknown>[])[0]!;
    // A progress step of a dossier the portal does not have is refused, as the portal does.
    if (service === 'CapNhatTienDoHoSoMC' && !taken.some((t) => t.service === 'DongBoHoSoMC' && t.record.MaHoSo === record.MaHoSo)) {
      return violation(res, '/sync', [`MaHoSo ${String(record.MaHoSo)}: progress before the dossier was sent`], body);
    }
    if (taken.some((t) => t.key === key)) {
      repeats.push(key as string);
      return answer(res, 200, { error_code: '0', message: 'Đã nhận trước đó' });
    }
    taken.push({ key: key as string, service: service as TakenRecord['service'], record, at: Date.now() });
    if (peer.loseAnswers > 0) {
      peer.loseAnswers--;
      return void req.socket.destroy();
    }
    return answer(res, 200, { error_code: '0', message: 'Thành công' });
  }

  function violation(res: http.ServerResponse, path: string, problems: string[], body: unknown) {
    violations.push({ path, problems, body });
    answer(res, 200, { error_code: '-1', message: problems.join('; ') });
  }

  async function listen(): Promise<void> {
    server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => answer(res, 500, { error_code: '500', message: String(error) }));
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }

  await listen();
  const peer: DvcqgPeer = {
    url: `http://127.0.0.1:${port}`,
    taken,
    violations,
    repeats,
    get logins() {
      return logins;
    },
    mode: 'up',
    loseAnswers: 0,
    endSessions: () => sessions.clear(),
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async start() {
      if (!server) await listen();
    },
    takenFor: (nationalCode) => taken.filter((t) => t.record.MaHoSo === nationalCode),
  };
  return peer;
}
