/** How a county school system's CSV export of enrolments (Chinese headers) maps onto the enrolment contract, as the tests declare it. */
export const ENROLMENT_CSV_MAPPING = {
  idColumn: '记录号',
  columns: {
    学籍号: 'studentNumber',
    身份证号: 'idNumber',
    姓名: 'name',
    学校标识码: 'schoolCode',
    区划: 'regionCode',
    学段: 'stage',
    年级: 'grade',
    学期: 'term',
    变动: 'change',
    生效日期: 'effectiveDate',
  },
};
