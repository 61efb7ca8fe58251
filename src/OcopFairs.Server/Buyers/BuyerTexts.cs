namespace OcopFairs.Server.Buyers;

/// <summary>Messages for the buyers' and meetings' error codes, Vietnamese first (looked up by <c>ErrorText</c>).</summary>
public static class BuyerTexts
{
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> All = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["buyer.notFound"] = ("Chưa có hồ sơ người mua.", "There is no buyer profile yet."),
        ["match.notExhibiting"] = ("Nhà sản xuất này không trưng bày tại hội chợ.", "This producer does not exhibit at the fair."),
        ["match.unknownNeed"] = ("Không có nhu cầu này trong hồ sơ của bạn.", "Your profile has no such need."),
        ["buyer.noProfile"] = ("Hãy tạo hồ sơ người mua trước khi đăng ký tham dự.", "Create the buyer profile before registering for a fair."),
        ["buyer.invalid"] = ("Hồ sơ người mua không hợp lệ.", "The buyer profile is not valid."),
        ["buyer.fairNotOpen"] = ("Hội chợ chưa mở hoặc đã kết thúc.", "The fair is not open or has ended."),
        ["buyer.notRegistered"] = ("Bạn chưa đăng ký tham dự hội chợ này.", "You have not registered for this fair."),
        ["badge.unknown"] = ("Không tìm thấy thẻ tham dự với mã này ở hội chợ này.", "No badge with this code at this fair."),
        ["representativesCount"] = ("Cần từ 1 đến 3 người đại diện tham dự.", "Name 1 to 3 representatives who attend."),
        ["keywordsOrGroups"] = ("Hãy nêu từ khóa hoặc nhóm sản phẩm cần tìm.", "Give keywords or product groups to look for."),
        ["invalidKeyword"] = ("Từ khóa không hợp lệ (tối đa 60 ký tự).", "A keyword is not valid (at most 60 characters)."),
        ["invalidMarket"] = ("Thị trường không hợp lệ (tối đa 20, mỗi mục tối đa 60 ký tự).", "Markets are invalid (at most 20, each at most 60 characters)."),
        ["shorterThanSlot"] = ("Khung giờ ngắn hơn một lượt gặp.", "The hours are shorter than one slot."),
        ["outsideFair"] = ("Ngày nằm ngoài thời gian hội chợ.", "The date is outside the fair's days."),
    };
}
