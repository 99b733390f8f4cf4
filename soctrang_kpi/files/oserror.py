"""An operating-system error in the user's language: the errno's meaning from the catalogue
("No space left on device" is the C library's English, whatever --lang says)."""

from __future__ import annotations

import errno

from ..messages import Text

#: errno -> catalogue key (messages "os.*"); any other errno is named by its symbol
KNOWN = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.quota",
    errno.EROFS: "os.read_only_fs",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ENOTDIR: "os.not_folder",
    errno.EISDIR: "os.is_folder",
    errno.ELOOP: "os.link_loop",
    errno.EIO: "os.io",
    errno.EEXIST: "os.exists",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
    errno.EMFILE: "os.too_many_open",
    errno.ENFILE: "os.too_many_open",
    errno.EFBIG: "os.too_big",
    errno.ENOMEM: "os.memory",
    errno.ENXIO: "os.no_device",
    errno.ENODEV: "os.no_device",
}


def reason(err: OSError) -> Text:
    """Why ``err`` happened, said in either language."""
    if err.errno is None:  # raised by Python code with its own words, not by the system
        return Text("os.other", code=str(err) or type(err).__name__)
    key = KNOWN.get(err.errno)
    if key is not None:
        return Text(key)
    name = errno.errorcode.get(err.errno, "")
    return Text("os.other", code=name or type(err).__name__)
