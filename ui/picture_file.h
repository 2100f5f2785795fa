// savePicture: writes something a painter can draw as PNG (twice the size, for projectors and
// print), SVG or PDF — chosen by the file's suffix — atomically, every write checked.
#pragma once

#include <QSize>
#include <QString>

#include <functional>

class QPainter;

namespace attnviz::ui {

// `paint` draws at `size` logical pixels (96 per inch). Returns an empty string, or a one-line
// message naming the cause: an unknown suffix, a target that is not a regular file, a failed
// write (the previous file is then left as it was).
QString savePicture(const QString &path, const QSize &size,
                    const std::function<void(QPainter &)> &paint, const QString &title);

} // namespace attnviz::ui
