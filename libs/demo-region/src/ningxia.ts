/**
 * Ningxia's 22 county-level divisions (GB/T 2260), weighted by their city's 2020 census population
 * shared evenly among the city's counties.
 */
const CITIES: { population: number; counties: string[] }[] = [
  { population: 2_859_074, counties: ['640104', '640105', '640106', '640121', '640122', '640181'] },
  { population: 751_389, counties: ['640202', '640205', '640221'] },
  { population: 1_382_713, counties: ['640302', '640303', '640323', '640324', '640381'] },
  { population: 1_142_142, counties: ['640402', '640422', '640423', '640424', '640425'] },
  { population: 1_067_336, counties: ['640502', '640521', '640522'] },
];

export const COUNTIES: { value: string; weight: number }[] = CITIES.flatMap((city) => city.counties.map((code) => ({ value: code, weight: city.population / city.counties.length })));

export const SURNAMES = ['马', '王', '李', '张', '杨', '刘', '田', '赵', '陈', '海', '丁', '金', '苏', '黑', '冯'];
export const GIVEN_NAMES = ['建国', '秀兰', '小军', '晓燕', '德福', '梅', '海军', '玉兰', '文杰', '婷', '志强', '红霞', '子轩', '雨桐', '浩然', '欣怡'];
