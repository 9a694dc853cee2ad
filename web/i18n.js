// The pages' words in Vietnamese (first) and English, and number formatting.
// Numbers arrive exact from the server (hundredths); here they are only written out.
const words = {
  vi: {
    title: 'Chỉ số CCHC', skip: 'Bỏ qua đến nội dung chính', toggle: 'English', logout: 'Đăng xuất',
    loading: 'Đang tải…', login: 'Đăng nhập', user: 'Tên đăng nhập', password: 'Mật khẩu',
    loginFailed: 'Đăng nhập không thành công', account: 'Tài khoản',
    roles: { evaluator: 'Sở Nội vụ', agency: 'Cơ quan', appraiser: 'Hội đồng thẩm định', viewer: 'Người xem' },
    selfAssessment: 'Tự đánh giá', total: 'Tổng điểm', index: 'Chỉ số', band: 'Xếp loại', noBand: 'Chưa xếp loại',
    estRank: 'Thứ hạng ước tính', state: 'Trạng thái', self: 'Tự chấm', points: 'Điểm', max: 'Tối đa',
    na: 'Không áp dụng', met: 'Đã thực hiện', yes: 'Có', no: 'Không', choose: '— chọn —',
    value: 'Giá trị', count: 'Số lượng', date: 'Ngày thực hiện', numerator: 'Tử số', denominator: 'Mẫu số',
    grade: 'Mức độ', judgedPoints: 'Điểm đề nghị', survey: 'Điểm điều tra xã hội học (do Sở Nội vụ nhập)',
    docRef: 'Văn bản kiểm chứng (số, ký hiệu, ngày)', docPage: 'Trang', upload: 'Tải tệp kiểm chứng (PDF, Word, Excel, ảnh)',
    note: 'Giải trình', explanation: 'Giải trình với hội đồng', saveExplanation: 'Lưu giải trình',
    saving: 'Đang lưu…', saved: 'Đã lưu', uploaded: 'Đã tải lên', findings: 'Những điểm hội đồng có thể trừ',
    noFindings: 'Không có điểm nào cần lưu ý.', submit: 'Nộp hồ sơ tự đánh giá',
    confirmSubmit: 'Sau khi nộp, cơ quan không sửa được hồ sơ nữa. Nộp hồ sơ?', confirm: 'Nộp', cancel: 'Hủy',
    submitted: 'Đã nộp hồ sơ.', council: 'Hội đồng thẩm định', round: 'Vòng', reason: 'Lý do',
    due: 'Hạn', grace: 'chậm không quá {0} ngày: {1} điểm', late: 'chậm hơn: {0} điểm',
    perItem: '{0} điểm mỗi đơn vị', perUnit: '{0} điểm mỗi {1}', tierMin: '≥ {0}: {1} điểm', tierMax: '≤ {0}: {1} điểm',
    linear: 'tỷ lệ từ {0} đến {1}, làm tròn xuống {2}', ratio: 'tỷ lệ tử số / mẫu số, làm tròn xuống {0}',
    judged: 'hội đồng chấm, bước {0}', refused: 'Không xem được trang này', back: 'Về trang đầu',
    queue: 'Hồ sơ chờ thẩm định', agency: 'Cơ quan', block: 'Khối', open: 'Mở', accept: 'Chấp nhận',
    setPoints: 'Chấm điểm', claimed: 'Tự chấm', computed: 'Điểm theo quy tắc', appraised: 'Điểm thẩm định',
    evidence: 'Tài liệu kiểm chứng', noEvidence: 'Chưa có tệp', bulkAccept: 'Chấp nhận tất cả tiêu chí có tự chấm khớp điểm theo quy tắc',
    closeRound: 'Kết thúc vòng {0}', openExplanation: 'Chuyển sang giải trình', toFinal: 'Chốt kết quả', reopen: 'Trả về dự thảo',
    desk: 'Bàn làm việc Sở Nội vụ', cycle: 'Tiến độ năm {0}', ranking: 'Xếp hạng', publish: 'Công bố kết quả',
    confirmPublish: 'Công bố sẽ khóa toàn bộ dữ liệu năm {0}. Công bố?', published: 'Đã công bố', hash: 'Mã băm dữ liệu',
    reportHtml: 'Báo cáo (biểu đồ)', reportDocx: 'Báo cáo kết quả (Word, bao-cao.docx)', reportZip: 'Trọn bộ báo cáo (.zip: trang, Excel, CSV, JSON, Word)', bundleXml: 'Hồ sơ đánh giá cả năm (XML, đọc được bằng cchc)',
    planDocx: 'Kế hoạch khắc phục (Word)', manage: 'Quản lý năm, bộ chỉ số, cơ quan, tài khoản', addYear: 'Thêm năm',
    criteriaSet: 'Bộ chỉ số (tệp XML)', putCriteria: 'Nạp bộ chỉ số', addAgency: 'Thêm cơ quan', agencyId: 'Mã cơ quan',
    continuesIds: 'Kế thừa cơ quan năm trước (mã, cách nhau bởi dấu phẩy)', addUser: 'Thêm tài khoản', role: 'Vai trò',
    assign: 'Phân công thẩm định', appraiserName: 'Tài khoản thẩm định', groupId: 'Nhóm tiêu chí (bỏ trống: tất cả)', created: 'Đã thêm',
    assigned: 'Đã phân công', allAgencies: 'mọi cơ quan', allCriteria: 'mọi tiêu chí', groupN: 'lĩnh vực {0}', noAssignments: 'Chưa phân công ai.',
    downloads: 'Tải về', rankJson: 'Xếp hạng (JSON, cchc-rank/1)', rank: 'Hạng', name: 'Tên', late2: 'Nộp muộn',
    states: { draft: 'Dự thảo', submitted: 'Đã nộp', 'appraised-1': 'Đã thẩm định vòng 1', explanation: 'Giải trình',
      'appraised-2': 'Đã thẩm định vòng 2', final: 'Chốt', published: 'Đã công bố' },
    kinds: { 'no-entry': 'chưa nhập', 'na-not-allowed': 'không được khai không áp dụng', overclaim: 'tự chấm cao hơn điểm theo quy tắc',
      'no-doc': 'thiếu tài liệu kiểm chứng', 'date-after-submission': 'văn bản sau ngày nộp', 'date-before-cited': 'văn bản dẫn văn bản ban hành sau nó',
      'carried-over': 'dùng lại hồ sơ năm trước', 'date-outside-year': 'văn bản ngoài năm đánh giá', 'no-explanation': 'thiếu tài liệu và giải trình',
      'no-place': 'tài liệu chưa ghi trang hoặc mục' },
    severities: { 'will-lose': 'Sẽ bị trừ', 'may-lose': 'Có thể bị trừ', form: 'Về hình thức' },
    stake: '{0} điểm',
    needWhole: '{0}: "{1}" không phải là số nguyên: ghi một số như 3', needDecimal: '{0}: "{1}" không phải là số: ghi một số như 0,75',
    differsFromClaim: 'khác điểm tự chấm', agencies: 'Các cơ quan', actionsCol: 'Thao tác', deadlines: 'Thời hạn từng giai đoạn', saveDeadlines: 'Lưu thời hạn',
    gap: 'Phân tích khắc phục', targetRank: 'Hạng mục tiêu', analyse: 'Phân tích',
    gapNeeded: 'Để đạt hạng {0} cần thêm {1} điểm. Phương án ít công sức nhất: khắc phục {2} tiêu chí ({3}), được {4} điểm; tính lại: {5} điểm, hạng {6}.',
    gapAlready: 'Cơ quan đã ở hạng {0} hoặc cao hơn.', gapUnreachable: 'Khắc phục mọi tiêu chí cũng không đạt hạng {0}: cao nhất là hạng {1} với {2} điểm.',
    criterion: 'Tiêu chí', inAppraisal: 'Đang thẩm định', gapTop: 'Cách đầu', groups: 'Nhóm', year: 'Năm', view: 'Xem',
    nothingToDo: 'Không có hồ sơ nào đang chờ.', notSignedIn: 'Phiên đăng nhập đã hết: đăng nhập lại.',
    councilSaid: 'Hội đồng: {0} điểm (vòng {1}){2}', rankOf: 'thứ {0}/{1}', error: 'Lỗi',
    docInfo: 'Thông tin văn bản', docHint: 'Ô để trống thì văn bản để chỗ trống cho văn thư điền tay.',
    docParent: 'Cơ quan chủ quản', docIssuer: 'Cơ quan ban hành', docNumber: 'Số', docSymbol: 'Ký hiệu',
    docPlace: 'Nơi ban hành (địa danh)', docDate: 'Ngày ban hành', docSignerTitle: 'Chức vụ người ký', docSigner: 'Người ký',
    docRecipient: 'Nơi nhận (mỗi dòng một nơi)', docTitle: 'Tiêu đề báo cáo (tỉnh, quyết định)', saveDoc: 'Lưu thông tin văn bản',
  },
  en: {
    title: 'PAR index', skip: 'Skip to the main content', toggle: 'Tiếng Việt', logout: 'Sign out',
    loading: 'Loading…', login: 'Sign in', user: 'User name', password: 'Password',
    loginFailed: 'Sign-in failed', account: 'Account',
    roles: { evaluator: 'Department of Home Affairs', agency: 'Agency', appraiser: 'Appraisal council', viewer: 'Viewer' },
    selfAssessment: 'Self-assessment', total: 'Total', index: 'Index', band: 'Band', noBand: 'No band',
    estRank: 'Estimated rank', state: 'State', self: 'Claim', points: 'Points', max: 'Max',
    na: 'Not applicable', met: 'Done', yes: 'Yes', no: 'No', choose: '— choose —',
    value: 'Value', count: 'Count', date: 'Date done', numerator: 'Numerator', denominator: 'Denominator',
    grade: 'Grade', judgedPoints: 'Points proposed', survey: 'Survey points (entered by the department)',
    docRef: 'Evidence document (number, date)', docPage: 'Page', upload: 'Upload evidence (PDF, Word, Excel, image)',
    note: 'Explanation', explanation: 'Explanation to the council', saveExplanation: 'Save explanation',
    saving: 'Saving…', saved: 'Saved', uploaded: 'Uploaded', findings: 'What the council may cut',
    noFindings: 'Nothing to look at.', submit: 'Submit the self-assessment',
    confirmSubmit: 'Once submitted, the agency can no longer change it. Submit?', confirm: 'Submit', cancel: 'Cancel',
    submitted: 'Submitted.', council: 'Appraisal council', round: 'Round', reason: 'Reason',
    due: 'Due', grace: 'late by at most {0} days: {1} points', late: 'later: {0} points',
    perItem: '{0} points each', perUnit: '{0} points per {1}', tierMin: '≥ {0}: {1} points', tierMax: '≤ {0}: {1} points',
    linear: 'proportional from {0} to {1}, rounded down to {2}', ratio: 'numerator / denominator, rounded down to {0}',
    judged: 'judged by the council, step {0}', refused: 'This page cannot be shown', back: 'Home',
    queue: 'Assessments to appraise', agency: 'Agency', block: 'Block', open: 'Open', accept: 'Accept',
    setPoints: 'Set points', claimed: 'Claimed', computed: 'By the rule', appraised: 'Appraised',
    evidence: 'Evidence', noEvidence: 'No file yet', bulkAccept: 'Accept every criterion whose claim equals the rule’s points',
    closeRound: 'Close round {0}', openExplanation: 'Open the explanation stage', toFinal: 'Make final', reopen: 'Reopen as draft',
    desk: 'Evaluator’s desk', cycle: 'The {0} cycle', ranking: 'Ranking', publish: 'Publish the results',
    confirmPublish: 'Publishing freezes every figure of {0}. Publish?', published: 'Published', hash: 'Inputs hash',
    reportHtml: 'Report (charts)', reportDocx: 'Report (Word, bao-cao.docx)', reportZip: 'The whole report (.zip: page, Excel, CSV, JSON, Word)', bundleXml: 'The year\'s assessments (XML, read by cchc)',
    planDocx: 'Uplift plan (Word)', manage: 'Years, criteria sets, agencies, accounts', addYear: 'Add a year',
    criteriaSet: 'Criteria set (XML file)', putCriteria: 'Load the criteria set', addAgency: 'Add an agency', agencyId: 'Agency id',
    continuesIds: 'Continues earlier agencies (ids, comma-separated)', addUser: 'Add an account', role: 'Role',
    assign: 'Assign an appraiser', appraiserName: 'Appraiser account', groupId: 'Group of criteria (empty: all)', created: 'Added',
    assigned: 'Assigned', allAgencies: 'every agency', allCriteria: 'every criterion', groupN: 'group {0}', noAssignments: 'No one is assigned yet.',
    downloads: 'Downloads', rankJson: 'Ranking (JSON, cchc-rank/1)', rank: 'Rank', name: 'Name', late2: 'Late',
    states: { draft: 'Draft', submitted: 'Submitted', 'appraised-1': 'Appraised, round 1', explanation: 'Explanation',
      'appraised-2': 'Appraised, round 2', final: 'Final', published: 'Published' },
    kinds: { 'no-entry': 'no entry', 'na-not-allowed': 'N/A not allowed', overclaim: 'claim above the rule’s points',
      'no-doc': 'no evidence document', 'date-after-submission': 'document dated after the submission', 'date-before-cited': 'document cites a later one',
      'carried-over': 'last year’s evidence carried over', 'date-outside-year': 'document outside the year', 'no-explanation': 'neither a document nor an explanation',
      'no-place': 'document without a page or section' },
    severities: { 'will-lose': 'Will lose points', 'may-lose': 'May lose points', form: 'Form' },
    stake: '{0} points',
    needWhole: '{0}: "{1}" is not a whole number: write a number such as 3', needDecimal: '{0}: "{1}" is not a number: write a number such as 0.75',
    differsFromClaim: 'differs from the claim', agencies: 'Agencies', actionsCol: 'Actions', deadlines: 'Deadlines per stage', saveDeadlines: 'Save deadlines',
    gap: 'Uplift analysis', targetRank: 'Target rank', analyse: 'Analyse',
    gapNeeded: 'Rank {0} needs {1} more points. The least-effort plan wins back {2} criteria ({3}), {4} points; re-scored: {5} points, rank {6}.',
    gapAlready: 'The agency is already at rank {0} or above.', gapUnreachable: 'Even with every criterion won back rank {0} is out of reach: the best is rank {1} with {2} points.',
    criterion: 'Criterion', inAppraisal: 'In appraisal', gapTop: 'Below the top', groups: 'Groups', year: 'Year', view: 'View',
    nothingToDo: 'Nothing is waiting.', notSignedIn: 'The session has ended: sign in again.',
    councilSaid: 'Council: {0} points (round {1}){2}', rankOf: '{0} of {1}', error: 'Error',
    docInfo: 'Document details', docHint: 'A field left empty stays blank in the document, for the office to fill in by hand.',
    docParent: 'Parent body', docIssuer: 'Issuing body', docNumber: 'Number', docSymbol: 'Symbol',
    docPlace: 'Place of issue', docDate: 'Date of issue', docSignerTitle: 'Signer’s title', docSigner: 'Signer',
    docRecipient: 'Recipients (one a line)', docTitle: 'Report title (province, decision)', saveDoc: 'Save the document details',
  },
};

let lang = localStorage.getItem('cchc-lang') === 'en' ? 'en' : 'vi';

export function getLang() { return lang; }
export function setLang(l) { lang = l; localStorage.setItem('cchc-lang', l); document.documentElement.lang = l; }
export function t(key, ...args) {
  let s = words[lang][key];
  if (s === undefined) s = words.vi[key] ?? key;
  if (typeof s !== 'string') return s;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

// Points as the reports print them: two decimals, a decimal comma in Vietnamese.
export function pts(n) {
  if (n === null || n === undefined) return '—';
  const s = Number(n).toFixed(2);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
// Without trailing zeros (a max: 13, 0,5).
export function ptsShort(n) {
  if (n === null || n === undefined) return '—';
  const s = String(n);
  return lang === 'vi' ? s.replace('.', ',') : s;
}
// A date YYYY-MM-DD as dd/mm/yyyy.
export function date(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (s || '');
}
