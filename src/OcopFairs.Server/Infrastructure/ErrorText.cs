using System.Globalization;

namespace OcopFairs.Server.Infrastructure;

/// <summary>Localized messages for error and validation codes. Vietnamese first; English for Accept-Language: en.</summary>
public static class ErrorText
{
    private static readonly Dictionary<string, (string Vi, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["validation"] = ("Dữ liệu gửi lên không hợp lệ.", "One or more fields are invalid."),
        ["malformed"] = ("Nội dung yêu cầu không đọc được.", "The request body could not be read."),
        ["required"] = ("Trường này là bắt buộc.", "This field is required."),
        ["tooLong"] = ("Nội dung quá dài.", "The value is too long."),
        ["invalidEmail"] = ("Địa chỉ email không hợp lệ.", "The e-mail address is not valid."),
        ["invalidRole"] = ("Vai trò không hợp lệ.", "The role is not allowed here."),
        ["invalidLocale"] = ("Ngôn ngữ phải là 'vi' hoặc 'en'.", "Locale must be 'vi' or 'en'."),
        ["unknownTimeZone"] = ("Múi giờ không tồn tại.", "Unknown time zone."),
        ["endsBeforeStart"] = ("Ngày kết thúc phải sau ngày bắt đầu.", "The end must be after the start."),
        ["closesBeforeOpens"] = ("Hạn đăng ký phải sau ngày mở đăng ký.", "Registration must close after it opens."),
        ["closesAfterStart"] = ("Đăng ký phải đóng trước khi hội chợ bắt đầu.", "Registration must close before the fair starts."),
        ["starsOutOfRange"] = ("Số sao phải từ 3 đến 5.", "Stars must be 3 to 5."),
        ["outOfRange"] = ("Giá trị nằm ngoài khoảng cho phép.", "The value is out of range."),
        ["invalidCode"] = ("Mã chỉ gồm chữ, số, '-' hoặc '_', tối đa 16 ký tự.", "Codes are letters, digits, '-' or '_', at most 16."),
        ["duplicate"] = ("Mã bị trùng.", "Duplicate code."),
        ["unknownZone"] = ("Khu vực không có trong sơ đồ.", "The zone is not on the plan."),
        ["negative"] = ("Giá trị không được âm.", "The value cannot be negative."),
        ["invalidGeometry"] = ("Vị trí hoặc kích thước gian hàng không hợp lệ.", "Booth position or size is invalid."),
        ["tooMany"] = ("Quá nhiều gian hàng.", "Too many booths."),
        ["invalidPassword"] = ("Mật khẩu chưa đủ mạnh.", "The password is not strong enough."),
        ["emailTaken"] = ("Email đã được đăng ký.", "The e-mail is already registered."),
        ["badCredentials"] = ("Email hoặc mật khẩu không đúng.", "Wrong e-mail or password."),
        ["unauthorized"] = ("Bạn cần đăng nhập.", "You need to sign in."),
        ["forbidden"] = ("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
        ["notFound"] = ("Không tìm thấy.", "Not found."),
        ["fair.notFound"] = ("Không tìm thấy hội chợ.", "The fair does not exist."),
        ["booth.notFound"] = ("Không tìm thấy gian hàng trong sơ đồ.", "The booth is not on the floor plan."),
        ["booth.taken"] = ("Gian hàng đã có người giữ hoặc bị khóa.", "The booth is taken or blocked."),
        ["booth.notBlocked"] = ("Gian hàng không ở trạng thái khóa.", "The booth is not blocked."),
        ["floorPlan.boothInUse"] = ("Không thể xóa gian hàng đang được giữ hoặc đã xác nhận.", "Booths that are held or confirmed cannot be removed."),
        ["floorPlan.invalid"] = ("Sơ đồ gian hàng không hợp lệ.", "The floor plan is invalid."),
        ["fair.invalid"] = ("Thông tin hội chợ không hợp lệ.", "The fair details are invalid."),
        ["producer.notFound"] = ("Không tìm thấy nhà sản xuất.", "The producer does not exist."),
        ["producer.noProfile"] = ("Hãy tạo hồ sơ nhà sản xuất trước.", "Create the producer profile first."),
        ["conflict"] = ("Xung đột dữ liệu, hãy thử lại.", "The request conflicts with the current state."),
        ["unavailable"] = ("Hệ thống tạm thời chưa sẵn sàng, hãy thử lại.", "The service is not ready; try again."),
        ["error"] = ("Đã có lỗi xảy ra.", "Something went wrong."),
        ["invalidPuc"] = ("Mã số vùng trồng không hợp lệ.", "The production unit code is not valid."),
        ["invalidPhone"] = ("Số điện thoại không hợp lệ.", "The phone number is not valid."),
        ["invalidGroup"] = ("Nhóm sản phẩm không hợp lệ.", "Unknown product group."),
        ["invalidLevel"] = ("Cấp chứng nhận không hợp lệ.", "Unknown certificate level."),
        ["expiresBeforeCertified"] = ("Ngày hết hạn không được trước ngày chứng nhận.", "The certificate cannot expire before it was issued."),
        ["invalidCertification"] = ("Chứng nhận không hợp lệ.", "A certification is not valid."),
        ["unknownUnit"] = ("Đơn vị không hợp lệ.", "Unknown unit."),
        ["invalidPriceRange"] = ("Khoảng giá không hợp lệ.", "The price range is not valid."),
        ["unknownPlatform"] = ("Sàn thương mại điện tử không hợp lệ.", "Unknown e-commerce platform."),
        ["invalidUrl"] = ("Đường dẫn không hợp lệ.", "The link is not a valid web address."),
        ["invalidAction"] = ("Thao tác không hợp lệ.", "Unknown action."),
        ["product.notFound"] = ("Không tìm thấy sản phẩm.", "The product does not exist."),
        ["application.notFound"] = ("Không tìm thấy hồ sơ đăng ký.", "The application does not exist."),
        ["application.exists"] = ("Bạn đã có hồ sơ đăng ký đang xử lý cho hội chợ này.", "You already have a live application to this fair."),
        ["application.transition"] = ("Không thể chuyển hồ sơ sang trạng thái này.", "The application cannot move to that status."),
        ["application.fairStarted"] = ("Hội chợ đã bắt đầu, không thể rút hồ sơ.", "The fair has started; the application can no longer be withdrawn."),
        ["application.superseded"] = ("Hồ sơ này đã được thay bằng hồ sơ mới hơn.", "A newer application replaced this one."),
        ["application.ineligible"] = ("Hồ sơ chưa đáp ứng điều kiện tham gia.", "The application does not meet the fair's conditions."),
        ["fair.transition"] = ("Không thể chuyển hội chợ sang trạng thái này.", "The fair cannot move to that status."),
        ["fair.noFloorPlan"] = ("Cần có sơ đồ gian hàng trước khi công bố.", "The fair needs a floor plan before it is published."),
        ["eligibility.registrationClosed"] = ("Hội chợ không trong thời gian nhận đăng ký.", "Registration for this fair is not open."),
        ["eligibility.profileIncomplete"] = ("Hồ sơ nhà sản xuất chưa đầy đủ (tên, địa chỉ, điện thoại hoặc email).", "The producer profile is incomplete (name, address, phone or e-mail)."),
        ["eligibility.noProducts"] = ("Hãy chọn ít nhất một sản phẩm.", "Choose at least one product."),
        ["eligibility.tooManyProducts"] = ("Chọn quá nhiều sản phẩm.", "Too many products chosen."),
        ["eligibility.unknownProduct"] = ("Sản phẩm không có trong danh mục của bạn.", "The product is not in your catalogue."),
        ["eligibility.starsBelowMinimum"] = ("Sản phẩm chưa đạt số sao tối thiểu của hội chợ.", "The product has fewer stars than the fair requires."),
        ["eligibility.groupNotAccepted"] = ("Nhóm sản phẩm không thuộc nhóm hội chợ tiếp nhận.", "The fair does not accept this product group."),
        ["eligibility.certificateExpiresBeforeFairEnds"] = ("Giấy chứng nhận OCOP hết hạn trước ngày kết thúc hội chợ.", "The OCOP certificate expires before the fair ends."),
        ["booth.holdsClosed"] = ("Hội chợ chưa mở chọn gian hàng.", "Booth selection is not open for this fair."),
        ["booth.organiserAllocates"] = ("Ban tổ chức sẽ phân bổ gian hàng cho hội chợ này.", "The organiser allocates the booths of this fair."),
        ["booth.zoneMismatch"] = ("Khu vực này không dành cho nhóm sản phẩm của bạn.", "This zone does not take your product groups."),
        ["booth.limit"] = ("Bạn đã giữ đủ số gian hàng tối đa của hội chợ.", "You already have the most booths this fair allows."),
        ["booth.notHeld"] = ("Bạn không giữ gian hàng này.", "You do not hold this booth."),
        ["booth.blocked"] = ("Gian hàng đang bị khóa.", "The booth is blocked."),
        ["booth.notApproved"] = ("Chỉ đơn vị đã được duyệt tham gia mới được giữ gian hàng.", "Only approved exhibitors can hold booths."),
        ["allocation.firstCome"] = ("Hội chợ này để nhà sản xuất tự chọn gian hàng.", "In this fair producers choose their own booths."),
        ["allocation.stars"] = ("Ưu tiên theo hạng sao: {0}★.", "Priority by stars: {0}★."),
        ["allocation.districtShare"] = ("Suất của huyện {0}: gian thứ {1} trên {2}.", "District share of {0}: booth {1} of {2}."),
        ["allocation.afterShares"] = ("Gian còn lại sau khi các huyện đã nhận đủ suất ({0}).", "A booth left after every district had its share ({0})."),
        ["allocation.zoneGroup"] = ("Khu {0} dành cho nhóm {1}.", "Zone {0} takes {1}."),
        ["allocation.preferredZone"] = ("Đúng khu mong muốn ({0}).", "Preferred zone honoured ({0})."),
        ["allocation.preferredZoneUnavailable"] = ("Khu mong muốn ({0}) không còn gian phù hợp.", "No fitting booth left in the preferred zone ({0})."),
        ["allocation.preferredType"] = ("Đúng loại gian mong muốn ({0}).", "Preferred booth type honoured ({0})."),
        ["allocation.preferredTypeUnavailable"] = ("Loại gian mong muốn ({0}) không còn.", "No booth of the preferred type left ({0})."),
        ["allocation.noCompatibleBooth"] = ("Không còn gian trống ở khu dành cho nhóm {0}.", "No free booth in a zone that takes {0}."),
        ["allocation.noBoothLeft"] = ("Hết gian hàng; huyện {0} đã nhận đủ {1} suất.", "No booth left; district {0} received its {1} share(s)."),
        ["allocation.boothTakenMeanwhile"] = ("Gian {0} vừa có người nhận trước ({1}).", "Booth {0} was taken meanwhile ({1})."),
        ["invalidBoothType"] = ("Loại gian hàng không hợp lệ (Standard, Corner, Premium, Outdoor).", "Unknown booth type (Standard, Corner, Premium, Outdoor)."),
        ["malformedCsv"] = ("Tệp CSV không đọc được.", "The CSV file could not be read."),
        ["fair.closed"] = ("Hội chợ đã kết thúc, không thể sửa.", "A closed fair cannot be edited."),
        ["status.Submitted"] = ("Đã nộp", "Submitted"),
        ["status.Approved"] = ("Đã duyệt", "Approved"),
        ["status.Waitlisted"] = ("Danh sách chờ", "Waitlisted"),
        ["status.Rejected"] = ("Bị từ chối", "Rejected"),
        ["status.Withdrawn"] = ("Đã rút", "Withdrawn"),
    };

    public static bool IsEnglish(CultureInfo? culture) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";

    public static string Get(string code, CultureInfo? culture = null)
    {
        if (!Texts.TryGetValue(code, out var text))
        {
            return code;
        }

        return IsEnglish(culture) ? text.En : text.Vi;
    }
}
