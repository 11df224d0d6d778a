import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file-system operation that failed, said the way a publisher can act on it:
///
///     public/index.html: error: 无法写入：磁盘空间不足（腾出空间后重新运行） [output.io]
///
/// The file, what went wrong, what to do — never Foundation's `NSCocoaErrorDomain Code=…` dump.
/// The reason comes from the POSIX error number, which every layer below keeps.
public struct IOFailure: DiagnosedError, Equatable {
    public enum Action: String, Sendable {
        case read = "无法读取"
        case write = "无法写入"
        case create = "无法创建"
        case remove = "无法删除"
        case replace = "无法替换"
        case list = "无法列出"
        case open = "无法打开"
        case access = "无法访问"
    }

    public var path: String
    public var action: Action
    /// The POSIX error number (`ENOSPC`, `EACCES` …).
    public var number: Int32
    public var code: Diagnostic.Code

    public init(path: String, action: Action, number: Int32, code: Diagnostic.Code = "output.io") {
        self.path = path
        self.action = action
        self.number = number
        self.code = code
    }

    /// The failure an error from Foundation stands for: its POSIX number when it carries one
    /// (a `CocoaError` keeps it as its underlying error), the path it names when it names one.
    public init(_ error: Error, path: String, action: Action, code: Diagnostic.Code = "output.io") {
        let ns = error as NSError
        var number: Int32 = EIO
        if ns.domain == NSPOSIXErrorDomain {
            number = Int32(ns.code)
        } else if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            number = Int32(underlying.code)
        } else if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: number = ENOENT
            case .fileReadNoPermission, .fileWriteNoPermission: number = EACCES
            case .fileWriteOutOfSpace: number = ENOSPC
            case .fileWriteVolumeReadOnly: number = EROFS
            case .fileWriteFileExists: number = EEXIST
            default: number = EIO
            }
        }
        let named = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        self.init(path: named ?? path, action: action, number: number, code: code)
    }

    /// What went wrong and what to do, for the common causes; the system's own words otherwise.
    public var reason: (what: String, remedy: String) {
        switch number {
        case EACCES, EPERM: ("没有权限", "检查这个文件夹的权限，或换一个可写的文件夹")
        case ENOSPC, EDQUOT: ("磁盘空间不足", "腾出空间后重新运行")
        case EROFS: ("所在的文件系统是只读的", "换一个可写的文件夹")
        case ENOENT: ("文件或文件夹不存在", "检查路径是否写对")
        case ENOTDIR: ("路径中有一段不是文件夹", "检查路径是否写对")
        case EISDIR: ("这是一个文件夹，不是文件", "检查路径是否写对")
        case EEXIST: ("已经存在", "移走它后重新运行")
        case ENOTEMPTY: ("文件夹不是空的", "移走其中的文件后重新运行")
        case ENAMETOOLONG: ("路径太长", "换一个短一些的路径")
        case ELOOP: ("符号链接层数太多，或指向自己", "检查这个符号链接")
        case EMFILE, ENFILE: ("同时打开的文件太多", "关闭其他程序，或用 ulimit -n 调高上限后重新运行")
        case EBUSY: ("正被其他程序占用", "关闭占用它的程序后重新运行")
        case EXDEV: ("不在同一个文件系统上", "把输出文件夹放在同一块磁盘上")
        case EIO: ("读写出错", "检查磁盘是否正常后重新运行")
        default: (String(cString: strerror(number)), "检查后重新运行")
        }
    }

    public var diagnostic: FileDiagnostic {
        let (what, remedy) = reason
        return .error(path, code: code, "\(action.rawValue)：\(what)（\(remedy)）")
    }
}
