// Demo content: Vietnamese officials and a cabinet meeting on e-government (fictional people, public-policy topics).
export const DEMO_PASSWORD = "demo-password";

export const demoUsers = [
  { email: "admin@demo.gov.vn", name: "Quản trị hệ thống", title: "Quản trị viên", role: "ADMIN" },
  { email: "secretariat@demo.gov.vn", name: "Trần Thị Bích Ngọc", title: "Chuyên viên Văn phòng Chính phủ", role: "SECRETARIAT" },
  { email: "chair@demo.gov.vn", name: "Phạm Minh Đức", title: "Chủ tọa phiên họp", role: "MEMBER" },
  { email: "member1@demo.gov.vn", name: "Lê Văn Hùng", title: "Bộ trưởng Bộ Thông tin và Truyền thông", role: "MEMBER" },
  { email: "member2@demo.gov.vn", name: "Hoàng Thị Mai Anh", title: "Bộ trưởng Bộ Kế hoạch và Đầu tư", role: "MEMBER" },
  { email: "member3@demo.gov.vn", name: "Vũ Đức Thắng", title: "Bộ trưởng Bộ Tài chính", role: "MEMBER" },
  { email: "member4@demo.gov.vn", name: "Đặng Thu Hương", title: "Bộ trưởng Bộ Tư pháp", role: "MEMBER" },
  { email: "member5@demo.gov.vn", name: "Bùi Quang Huy", title: "Bộ trưởng Bộ Nội vụ", role: "MEMBER" },
  { email: "member6@demo.gov.vn", name: "Đỗ Thị Thanh Tâm", title: "Bộ trưởng Bộ Khoa học và Công nghệ", role: "MEMBER" },
  { email: "member7@demo.gov.vn", name: "Ngô Văn Khải", title: "Bộ trưởng Bộ Công Thương", role: "MEMBER" },
  { email: "member8@demo.gov.vn", name: "Phan Thị Hồng Nhung", title: "Chủ nhiệm Văn phòng Chính phủ", role: "MEMBER" },
  // Not invited to the demo meetings: a member may name him as the deputy who attends in their place.
  { email: "deputy@demo.gov.vn", name: "Nguyễn Thanh Bình", title: "Thứ trưởng Bộ Tư pháp", role: "MEMBER", invited: false },
  // A display-only account: the room's big screen signs in with it and shows the demo meeting's room display.
  { email: "display@demo.gov.vn", name: "Màn hình Phòng họp số 1", title: "Màn hình phòng họp", role: "DISPLAY" },
] as const;

export interface DemoPaper {
  title: string;
  confidentiality?: "NORMAL" | "CONFIDENTIAL" | "SECRET";
  sections: { heading: string; body: string }[];
}

export interface DemoItem {
  title: string;
  description?: string;
  minutes: number;
  presenter?: string; // email
  papers?: DemoPaper[];
  children?: DemoItem[];
}

const egovSections = [
  {
    heading: "I. Sự cần thiết ban hành Nghị quyết",
    body:
      "Thời gian qua, việc ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước đã đạt được nhiều kết quả tích cực. " +
      "Cơ sở dữ liệu quốc gia về dân cư, đất đai, đăng ký doanh nghiệp từng bước được xây dựng; dịch vụ công trực tuyến mức độ 3, 4 " +
      "được cung cấp ngày càng nhiều. Tuy nhiên, thứ hạng Chính phủ điện tử của Việt Nam còn thấp; việc kết nối, chia sẻ dữ liệu giữa " +
      "các bộ, ngành, địa phương còn hạn chế; hạ tầng kỹ thuật chưa đồng bộ.",
  },
  {
    heading: "II. Mục tiêu giai đoạn 2018 – 2020",
    body:
      "Nâng cao chất lượng, hiệu quả hoạt động của cơ quan hành chính nhà nước; đến năm 2020 có 30% dịch vụ công trực tuyến mức độ 4, " +
      "100% hồ sơ công việc tại cấp bộ, cấp tỉnh được xử lý trên môi trường mạng (trừ hồ sơ mật); 50% hồ sơ công việc tại cấp huyện và " +
      "30% tại cấp xã được xử lý trên môi trường mạng; rút ngắn từ 30% đến 50% thời gian họp, giảm tối đa việc sử dụng tài liệu giấy " +
      "thông qua Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet).",
  },
  {
    heading: "III. Nhiệm vụ, giải pháp chủ yếu",
    body:
      "1. Hoàn thiện môi trường pháp lý về giao dịch điện tử, định danh và xác thực điện tử, chia sẻ dữ liệu.\n" +
      "2. Phát triển hạ tầng kỹ thuật: Trục liên thông văn bản quốc gia, Nền tảng tích hợp, chia sẻ dữ liệu quốc gia, mạng truyền số liệu chuyên dùng.\n" +
      "3. Xây dựng các cơ sở dữ liệu quốc gia tạo nền tảng phát triển Chính phủ điện tử: dân cư, đất đai, đăng ký doanh nghiệp, tài chính, bảo hiểm.\n" +
      "4. Cung cấp dịch vụ công trực tuyến mức độ cao, Cổng Dịch vụ công quốc gia kết nối với các bộ, ngành, địa phương.\n" +
      "5. Bảo đảm an toàn, an ninh thông tin; phát triển nguồn nhân lực công nghệ thông tin trong cơ quan nhà nước.",
  },
  {
    heading: "IV. Tổ chức thực hiện",
    body:
      "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch " +
      "hành động, bố trí kinh phí và báo cáo kết quả thực hiện định kỳ hằng quý về Văn phòng Chính phủ để tổng hợp, báo cáo Thủ tướng Chính phủ. " +
      "Bộ Thông tin và Truyền thông chủ trì hướng dẫn, kiểm tra, đánh giá mức độ Chính phủ điện tử của các cơ quan.",
  },
];

export const demoMeeting = {
  id: "demo-cabinet-meeting",
  title: "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026",
  kind: "REGULAR" as const,
  location: "Phòng họp số 1, Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Hà Nội",
  agenda: [
    { title: "Khai mạc, thông qua chương trình phiên họp", minutes: 10, presenter: "chair@demo.gov.vn" },
    {
      title: "Dự thảo Nghị quyết về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2018 – 2020",
      description: "Bộ Thông tin và Truyền thông trình; các thành viên Chính phủ cho ý kiến.",
      minutes: 15,
      presenter: "member1@demo.gov.vn",
      papers: [{ title: "Tờ trình dự thảo Nghị quyết về phát triển Chính phủ điện tử", sections: egovSections }],
      children: [
        {
          title: "Báo cáo tình hình triển khai Chính phủ điện tử năm 2026",
          minutes: 20,
          presenter: "member8@demo.gov.vn",
          papers: [
            {
              title: "Báo cáo đánh giá kết quả triển khai Chính phủ điện tử",
              sections: [
                { heading: "1. Kết quả đạt được", body: "Hệ thống e-Cabinet đã phục vụ hàng trăm phiên họp Chính phủ và xử lý hàng chục nghìn phiếu lấy ý kiến thành viên Chính phủ, thay thế hàng trăm nghìn hồ sơ, tài liệu giấy mỗi năm. Trục liên thông văn bản quốc gia kết nối tất cả các bộ, ngành, địa phương." },
                { heading: "2. Tồn tại, hạn chế", body: "Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm; dữ liệu chưa được chia sẻ, tái sử dụng hiệu quả; tỷ lệ hồ sơ trực tuyến toàn trình còn thấp ở cấp xã." },
                { heading: "3. Kiến nghị", body: "Đề nghị Chính phủ chỉ đạo đẩy nhanh kết nối các cơ sở dữ liệu quốc gia với Cổng Dịch vụ công quốc gia và ưu tiên kinh phí cho hạ tầng dùng chung." },
              ],
            },
          ],
        },
        {
          title: "Phát triển hạ tầng công nghệ thông tin và truyền thông",
          minutes: 15,
          presenter: "member1@demo.gov.vn",
          papers: [
            {
              title: "Đề án phát triển hạ tầng số quốc gia",
              sections: [
                { heading: "1. Hiện trạng", body: "Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước đã kết nối đến cấp xã; các trung tâm dữ liệu của bộ, ngành còn phân tán, chưa đạt tiêu chuẩn." },
                { heading: "2. Định hướng", body: "Phát triển hạ tầng điện toán đám mây Chính phủ, trung tâm dữ liệu quốc gia, mạng 5G phủ sóng toàn quốc, bảo đảm an toàn thông tin theo cấp độ." },
              ],
            },
          ],
        },
        {
          title: "Phát triển kinh tế số và xã hội số",
          minutes: 10,
          presenter: "member2@demo.gov.vn",
          papers: [
            {
              title: "Báo cáo đánh giá đóng góp của kinh tế số vào GDP",
              confidentiality: "CONFIDENTIAL",
              sections: [
                { heading: "1. Quy mô kinh tế số", body: "Số liệu ước tính nội bộ, chưa công bố: tỷ trọng kinh tế số trong GDP tăng đều qua các năm; thương mại điện tử và thanh toán không dùng tiền mặt tăng trưởng nhanh." },
                { heading: "2. Giải pháp", body: "Thúc đẩy chuyển đổi số doanh nghiệp nhỏ và vừa, phát triển nền tảng số quốc gia, hoàn thiện thể chế cho các mô hình kinh doanh mới." },
              ],
            },
          ],
        },
      ],
    },
    { title: "Kết luận của Chủ tọa phiên họp", minutes: 15, presenter: "chair@demo.gov.vn" },
  ] satisfies DemoItem[],
};

export const draftMeeting = {
  id: "demo-draft-meeting",
  title: "Phiên họp chuyên đề về xây dựng pháp luật tháng 12 năm 2026",
  kind: "THEMATIC" as const,
  location: "Phòng họp số 2, Trụ sở Chính phủ",
  agenda: [
    { title: "Dự án Luật Giao dịch điện tử (sửa đổi)", minutes: 45, presenter: "member4@demo.gov.vn" },
    { title: "Đề nghị xây dựng Luật Dữ liệu", minutes: 45, presenter: "member1@demo.gov.vn" },
  ] satisfies DemoItem[],
};
