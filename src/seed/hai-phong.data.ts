/**
 * The Hai Phong demo. Real names and figures come from public sources (DOMAIN.md "The province");
 * everything marked `demo: true` is invented to complete the picture and must not be read as fact.
 * The 18 industrial complexes add up to 742.5 ha, the city's total at the end of 2024.
 */
export const DEMO_SOURCE = 'DOMAIN.md (public news and portals, 2024–2025)';

interface ClusterSeed {
  code: string;
  name: string;
  district: string;
  areaHa: number;
  status: 'planned' | 'operating';
  demo: boolean;
}

const real = (code: string, name: string, district: string, areaHa: number, status: 'planned' | 'operating' = 'operating'): ClusterSeed => ({
  code, name, district, areaHa, status, demo: false,
});
const invented = (code: string, name: string, district: string, areaHa: number): ClusterSeed => ({
  code, name, district, areaHa, status: 'operating', demo: true,
});

export const INDUSTRIAL_COMPLEXES: ClusterSeed[] = [
  real('CCN-AN-THO', 'Cụm công nghiệp An Thọ', 'An Lão', 50),
  real('CCN-QUANG-PHUC', 'Cụm công nghiệp Quang Phục', 'Tiên Lãng', 50),
  real('CCN-TIEN-CUONG-2', 'Cụm công nghiệp Tiên Cường II', 'Tiên Lãng', 50),
  real('CCN-TRANG-DUE', 'Cụm công nghiệp hỗ trợ Tràng Duệ', 'An Dương', 58.75),
  real('CCN-CUA-HOAT', 'Cụm công nghiệp Cửa Hoạt – Quân Thắng', 'Vĩnh Bảo', 45),
  real('CCN-LE-THIEN', 'Cụm công nghiệp Lê Thiện – Đại Bản', 'An Dương', 59.33),
  real('CCN-QUYET-TIEN', 'Cụm công nghiệp Quyết Tiến', 'Tiên Lãng', 50, 'planned'),
  invented('CCN-DEMO-01', 'Cụm công nghiệp Demo Kiến Thụy 1', 'Kiến Thụy', 30),
  invented('CCN-DEMO-02', 'Cụm công nghiệp Demo Thủy Nguyên 1', 'Thủy Nguyên', 42.5),
  invented('CCN-DEMO-03', 'Cụm công nghiệp Demo An Lão 2', 'An Lão', 36),
  invented('CCN-DEMO-04', 'Cụm công nghiệp Demo Vĩnh Bảo 2', 'Vĩnh Bảo', 28.7),
  invented('CCN-DEMO-05', 'Cụm công nghiệp Demo Kiến Thụy 2', 'Kiến Thụy', 40),
  invented('CCN-DEMO-06', 'Cụm công nghiệp Demo Thủy Nguyên 2', 'Thủy Nguyên', 33.22),
  invented('CCN-DEMO-07', 'Cụm công nghiệp Demo An Dương 3', 'An Dương', 35),
  invented('CCN-DEMO-08', 'Cụm công nghiệp Demo Tiên Lãng 4', 'Tiên Lãng', 38),
  invented('CCN-DEMO-09', 'Cụm công nghiệp Demo Dương Kinh', 'Dương Kinh', 31.5),
  invented('CCN-DEMO-10', 'Cụm công nghiệp Demo Đồ Sơn', 'Đồ Sơn', 32),
  invented('CCN-DEMO-11', 'Cụm công nghiệp Demo Hải An', 'Hải An', 32.5),
];

export const ECO_INDUSTRIAL_PARKS = [
  {
    code: 'KCN-NAM-CAU-KIEN',
    name: 'Khu công nghiệp Nam Cầu Kiền',
    district: 'Thủy Nguyên',
    areaHa: 263.47,
    operatorName: 'Shinec',
    establishedYear: 2008,
    note: 'One of the 7 parks of the MoF/UNIDO/SECO eco-industrial-park programme (2025).',
  },
  {
    code: 'KCN-DEEP-C',
    name: 'Khu công nghiệp DEEP C (Đình Vũ)',
    district: 'Hải An',
    areaHa: 1700,
    operatorName: 'Công ty CP Khu công nghiệp Đình Vũ',
    establishedYear: 1997,
    note: 'DEEP C Haiphong I–III exceed 1,700 ha; MPI–UNIDO eco-IP pilot since 2020. Establishment year is demo data.',
  },
];

export interface EnterpriseSeed {
  taxCode: string;
  kind: 'enterprise' | 'ic_operator';
  name: string;
  district: string;
  sectorVsic: string;
  size: 'small' | 'medium' | 'large';
  industrialComplexCode?: string;
  leadershipGender?: 'female' | 'male';
  employeesByGender?: { female: number; male: number };
}

/** All invented (demo): names, tax codes (valid format and check digit) and figures. */
export const ENTERPRISES: EnterpriseSeed[] = [
  { taxCode: '0220010003', kind: 'enterprise', name: 'Công ty TNHH Bao bì Xanh Hải Phòng (demo)', district: 'An Dương', sectorVsic: 'C2220', size: 'medium', industrialComplexCode: 'CCN-TRANG-DUE', leadershipGender: 'female', employeesByGender: { female: 120, male: 95 } },
  { taxCode: '0220010130', kind: 'enterprise', name: 'Công ty CP Nhựa PET Đình Vũ (demo)', district: 'Hải An', sectorVsic: 'C2220', size: 'large', industrialComplexCode: 'KCN-DEEP-C', leadershipGender: 'male', employeesByGender: { female: 310, male: 420 } },
  { taxCode: '0220010275', kind: 'enterprise', name: 'Công ty TNHH Thép Cửa Hoạt (demo)', district: 'Vĩnh Bảo', sectorVsic: 'C2410', size: 'large', industrialComplexCode: 'CCN-CUA-HOAT', leadershipGender: 'male' },
  { taxCode: '0220010412', kind: 'enterprise', name: 'Công ty CP Điện mặt trời An Thọ (demo)', district: 'An Lão', sectorVsic: 'D3511', size: 'small', industrialComplexCode: 'CCN-AN-THO', leadershipGender: 'female', employeesByGender: { female: 12, male: 18 } },
  { taxCode: '0220010684', kind: 'enterprise', name: 'Công ty TNHH Điện tử Nam Cầu Kiền (demo)', district: 'Thủy Nguyên', sectorVsic: 'C2610', size: 'large', industrialComplexCode: 'KCN-NAM-CAU-KIEN', employeesByGender: { female: 880, male: 410 } },
  { taxCode: '0220010821', kind: 'enterprise', name: 'Công ty CP Xi măng Tiên Lãng (demo)', district: 'Tiên Lãng', sectorVsic: 'C2394', size: 'large', industrialComplexCode: 'CCN-QUANG-PHUC', leadershipGender: 'male' },
  { taxCode: '0220010966', kind: 'enterprise', name: 'Công ty TNHH Dầu nhớt Hải An (demo)', district: 'Hải An', sectorVsic: 'C1920', size: 'medium', leadershipGender: 'female' },
  { taxCode: '0220011092', kind: 'enterprise', name: 'Công ty TNHH Lốp xe Lê Thiện (demo)', district: 'An Dương', sectorVsic: 'C2211', size: 'medium', industrialComplexCode: 'CCN-LE-THIEN' },
  { taxCode: '0220011374', kind: 'enterprise', name: 'Công ty CP Pin và Ắc quy Kiến Thụy (demo)', district: 'Kiến Thụy', sectorVsic: 'C2720', size: 'medium', industrialComplexCode: 'CCN-DEMO-01', leadershipGender: 'male', employeesByGender: { female: 60, male: 140 } },
  { taxCode: '0220011504', kind: 'enterprise', name: 'Công ty TNHH Giấy Tiên Cường (demo)', district: 'Tiên Lãng', sectorVsic: 'C1701', size: 'medium', industrialComplexCode: 'CCN-TIEN-CUONG-2' },
  { taxCode: '0220011649', kind: 'enterprise', name: 'Công ty CP Thực phẩm Đồ Sơn (demo)', district: 'Đồ Sơn', sectorVsic: 'C1079', size: 'small', leadershipGender: 'female', employeesByGender: { female: 45, male: 20 } },
  { taxCode: '0220011783', kind: 'enterprise', name: 'Công ty TNHH Nhôm Thủy Nguyên (demo)', district: 'Thủy Nguyên', sectorVsic: 'C2420', size: 'medium', industrialComplexCode: 'CCN-DEMO-02' },
  { taxCode: '0220011913', kind: 'ic_operator', name: 'Công ty CP Đầu tư hạ tầng Cụm công nghiệp Tràng Duệ (demo)', district: 'An Dương', sectorVsic: 'L6810', size: 'medium', industrialComplexCode: 'CCN-TRANG-DUE', leadershipGender: 'male' },
];

/** One sign-in per role. `organizationTaxCode` links business and IC-operator users to their organization. */
export const DEMO_USERS = [
  { email: 'admin@demo.haiphong.gov.vn', name: 'Quản trị hệ thống (demo)', role: 'admin' },
  { email: 'lanhdao@demo.haiphong.gov.vn', name: 'Phó Giám đốc Sở (demo)', role: 'leader' },
  { email: 'chuyenvien@demo.haiphong.gov.vn', name: 'Chuyên viên Phòng Quản lý Công nghiệp (demo)', role: 'officer' },
  { email: 'doanhnghiep@demo.example.vn', name: 'Nguyễn Thị Hoa (demo)', role: 'business', organizationTaxCode: '0220010130' },
  { email: 'ccn@demo.example.vn', name: 'Trần Văn Minh (demo)', role: 'ic_operator', organizationTaxCode: '0220011913' },
] as const;
