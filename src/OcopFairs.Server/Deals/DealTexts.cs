namespace OcopFairs.Server.Deals;

/// <summary>Messages for the deals' error codes, Vietnamese first (looked up by <c>ErrorText</c>).</summary>
public static class DealTexts
{
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> All = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["deal.notFound"] = ("Không tìm thấy thỏa thuận của bạn.", "No such deal of yours."),
        ["deal.invalid"] = ("Nội dung thỏa thuận không hợp lệ.", "The deal's terms are not valid."),
        ["deal.exists"] = ("Thỏa thuận này đã có.", "This deal exists already."),
        ["deal.cancelled"] = ("Thỏa thuận đã bị hủy.", "The deal is cancelled."),
        ["deal.versionChanged"] = ("Nội dung đã được sửa thành phiên bản mới; hãy xem lại trước khi ký.", "The terms have changed to a new version; review them before signing."),
        ["deal.alreadySigned"] = ("Bên bạn đã ký phiên bản này.", "Your side has already signed this version."),
        ["deal.signed"] = ("Hai bên đã ký, không thể hủy; hãy ghi nhận kết quả thực hiện ở phần theo dõi.", "Both sides signed; it cannot be cancelled — record its outcome in a follow-up."),
        ["deal.reasonRequired"] = ("Hãy nêu lý do hủy.", "Please give a reason for cancelling."),
        ["deal.notSigned"] = ("Chỉ thỏa thuận đã được hai bên ký mới có theo dõi thực hiện.", "Only a deal both sides signed has follow-ups."),
        ["deal.invalidFollowUp"] = ("Thông tin theo dõi thực hiện không hợp lệ.", "The follow-up is not valid."),
        ["deal.unknownProduct"] = ("Sản phẩm không thuộc đơn vị sản xuất trong thỏa thuận.", "A product does not belong to the deal's producer."),
        ["deal.unknownMeeting"] = ("Không có cuộc gặp này giữa hai bên tại hội chợ.", "There is no such meeting between the two parties at this fair."),
        ["deal.notExhibiting"] = ("Đơn vị sản xuất không trưng bày tại hội chợ này.", "The producer does not exhibit at this fair."),
        ["deal.noBuyer"] = ("Không tìm thấy người mua.", "The buyer does not exist."),
        ["deal.notParty"] = ("Chỉ người mua hoặc đơn vị sản xuất của thỏa thuận mới thực hiện được thao tác này.", "Only the deal's buyer or producer can do this."),
        ["wholeVnd"] = ("Đơn giá phải là số đồng nguyên.", "The price must be a whole number of đồng."),
        ["invalidCountry"] = ("Mã quốc gia phải gồm 2 chữ cái in hoa (ISO 3166), ví dụ JP.", "The country must be a two-letter ISO 3166 code, such as JP."),
        ["invalidKey"] = ("Khóa Idempotency-Key không hợp lệ (tối đa 100 ký tự in được).", "The Idempotency-Key is not valid (at most 100 printable characters)."),
    };
}
