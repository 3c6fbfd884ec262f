//! Opening the files the kiosk reads and writes without ever waiting on one.
//!
//! A plain `open` of a FIFO waits for a writer, and a read of a device may never end; either
//! would freeze the kiosk (or `check`) for good, deaf even to SIGTERM. So every file is opened
//! with `O_NONBLOCK`, looked at with `fstat` on the descriptor just opened (not the path, which
//! may be swapped meanwhile), and refused unless it is a regular file. A size limit is checked
//! before reading, so a runaway file cannot fill the memory of a small thin client.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The largest content or settings file read: far above any real `faq.toml` (the shipped one
/// is about 10 KB, and 10,000 questions take under 4 MiB), far below the memory of the
/// smallest thin client.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file could not be used.
#[derive(Debug)]
pub enum FileError {
    /// Opening, inspecting or reading it failed.
    Io(io::Error),
    /// It is not a regular file but this.
    NotRegular(Kind),
    /// It is larger than the limit.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// What a file that is not a regular one is instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A named pipe: opening it waits for a writer, reading it for data.
    Fifo,
    /// A folder.
    Folder,
    /// A character or block device.
    Device,
    /// A Unix socket.
    Socket,
}

impl Kind {
    fn of(kind: std::fs::FileType) -> Self {
        if kind.is_fifo() {
            Self::Fifo
        } else if kind.is_dir() {
            Self::Folder
        } else if kind.is_socket() {
            Self::Socket
        } else {
            Self::Device
        }
    }

    fn japanese(self) -> &'static str {
        match self {
            Self::Fifo => "名前付きパイプ（FIFO）",
            Self::Folder => "フォルダ",
            Self::Device => "デバイス",
            Self::Socket => "ソケット",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Self::Fifo => "a FIFO",
            Self::Folder => "a directory",
            Self::Device => "a device",
            Self::Socket => "a socket",
        }
    }
}

impl FileError {
    /// What to do about it, in plain Japanese for staff.
    pub fn advice(&self) -> String {
        match self {
            Self::Io(_) => {
                "ファイルを読み込めません。ファイルの場所と名前、読み取りの権限を確かめてください。"
                    .to_string()
            }
            Self::NotRegular(kind) => format!(
                "普通のファイルではありません（{}）。中身を書いた普通のファイルを指定してください。",
                kind.japanese()
            ),
            Self::TooLarge { size, limit } => format!(
                "ファイルが大きすぎます（{} KiB、上限は {} KiB）。別のファイルを指していないか確かめてください。",
                size.div_ceil(1024),
                limit / 1024
            ),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(err) => write!(f, "{err}"),
            Self::NotRegular(kind) => write!(f, "not a regular file but {}", kind.english()),
            Self::TooLarge { size, limit } => {
                write!(f, "{size} bytes, more than the limit of {limit} bytes")
            }
        }
    }
}

impl From<io::Error> for FileError {
    fn from(err: io::Error) -> Self {
        Self::Io(err)
    }
}

/// Opens `path` as `options` say, without waiting, and keeps it only if it is a regular file.
pub fn open_regular(path: &Path, options: &mut OpenOptions) -> Result<File, FileError> {
    let file = options
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    Err(FileError::NotRegular(Kind::of(kind)))
}

/// Opens `path` for reading, without waiting, if it is a regular file.
pub fn open_for_reading(path: &Path) -> Result<File, FileError> {
    open_regular(path, OpenOptions::new().read(true))
}

/// The whole of the regular file at `path`, if it is at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let file = open_for_reading(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(FileError::TooLarge { size, limit });
    }
    // The file may grow between the look and the read: read one byte past the limit to know.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(FileError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::PathBuf;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("faq-kiosk-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn make_fifo(path: &Path) {
        let name = CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = folder("regular");
        let path = dir.join("faq.toml");
        std::fs::write(&path, "題 = 1\n").unwrap();
        assert_eq!(read_limited(&path, 100).unwrap(), "題 = 1\n".as_bytes());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_fifo_with_no_writer_is_refused_at_once() {
        let dir = folder("fifo");
        let path = dir.join("faq.toml");
        make_fifo(&path);
        let err = read_limited(&path, 100).unwrap_err();
        assert!(matches!(err, FileError::NotRegular(Kind::Fifo)), "{err}");
        assert!(err.advice().contains("FIFO"), "{}", err.advice());
        assert_eq!(err.to_string(), "not a regular file but a FIFO");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_and_a_device_are_refused() {
        let dir = folder("kinds");
        let err = read_limited(&dir, 100).unwrap_err();
        assert!(err.advice().contains("フォルダ"), "{}", err.advice());
        let err = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(err.advice().contains("デバイス"), "{}", err.advice());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = folder("large");
        let path = dir.join("faq.toml");
        std::fs::write(&path, vec![b'#'; 2049]).unwrap();
        let err = read_limited(&path, 2048).unwrap_err();
        assert!(
            matches!(
                err,
                FileError::TooLarge {
                    size: 2049,
                    limit: 2048
                }
            ),
            "{err}"
        );
        assert!(
            err.advice().contains("3 KiB、上限は 2 KiB"),
            "{}",
            err.advice()
        );
        assert_eq!(read_limited(&path, 2049).unwrap().len(), 2049);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let err = read_limited(Path::new("/nonexistent/faq.toml"), 100).unwrap_err();
        assert!(matches!(err, FileError::Io(_)), "{err}");
    }
}
