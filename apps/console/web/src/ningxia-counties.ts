/** Ningxia's 22 county-level divisions (GB/T 2260), by city, as the findings' county codes are shown and filtered. */
export const NINGXIA_COUNTIES: readonly { code: string; name: string }[] = [
  { code: '640104', name: '银川市兴庆区' },
  { code: '640105', name: '银川市西夏区' },
  { code: '640106', name: '银川市金凤区' },
  { code: '640121', name: '永宁县' },
  { code: '640122', name: '贺兰县' },
  { code: '640181', name: '灵武市' },
  { code: '640202', name: '石嘴山市大武口区' },
  { code: '640205', name: '石嘴山市惠农区' },
  { code: '640221', name: '平罗县' },
  { code: '640302', name: '吴忠市利通区' },
  { code: '640303', name: '吴忠市红寺堡区' },
  { code: '640323', name: '盐池县' },
  { code: '640324', name: '同心县' },
  { code: '640381', name: '青铜峡市' },
  { code: '640402', name: '固原市原州区' },
  { code: '640422', name: '西吉县' },
  { code: '640423', name: '隆德县' },
  { code: '640424', name: '泾源县' },
  { code: '640425', name: '彭阳县' },
  { code: '640502', name: '中卫市沙坡头区' },
  { code: '640521', name: '中宁县' },
  { code: '640522', name: '海原县' },
];

const NAMES = new Map(NINGXIA_COUNTIES.map(({ code, name }) => [code, name]));

/** A county as people read it: its name and code, or the code alone outside Ningxia, or a dash when unknown. */
export const countyLabel = (code: string | undefined): string => (code === undefined ? '—' : NAMES.has(code) ? `${NAMES.get(code)!} ${code}` : code);
