# Writes encrypted-object-stream.pdf: `python3 make-encrypted-object-stream.py 114000 encrypted-object-stream.pdf`.
# One page ("Hello"), encrypted with the standard security handler (RC4 40-bit, revision 2) and an
# empty user password, as many published PDFs are (it opens; editing is restricted), whose object
# stream of random hex filler compresses to about 65 kB: over the 64 MB limit divided by the most
# deflate makes of a byte, so a scan that measured its ciphertext as deflate data refused the file.
import zlib, hashlib, random, struct
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
def rc4(key, data):
    S = list(range(256)); j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) % 256; S[i], S[j] = S[j], S[i]
    i = j = 0; out = bytearray()
    for b in data:
        i = (i + 1) % 256; j = (j + S[i]) % 256; S[i], S[j] = S[j], S[i]
        out.append(b ^ S[(S[i] + S[j]) % 256])
    return bytes(out)
O = bytes(range(32)); P = -4; ID = b"0123456789abcdef"
key = hashlib.md5(PAD + O + struct.pack("<i", P) + ID).digest()[:5]
U = rc4(key, PAD)
def okey(n): return hashlib.md5(key + struct.pack("<I", n)[:3] + b"\0\0").digest()[:10]
random.seed(1)
filler = "".join(random.choice("0123456789ABCDEF") for _ in range(int(__import__("sys").argv[1])))
members = [(5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), (8, b"<< /Junk <" + filler.encode() + b"> >>")]
hdr = b""; body = b""
for n, m in members:
    hdr += b"%d %d " % (n, len(body)); body += m + b"\n"
osdata = hdr + body
first = len(hdr)
content = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"
out = b"%PDF-1.7\n"
offs = {}
def add(n, b):
    global out
    offs[n] = len(out); out += b"%d 0 obj\n" % n + b + b"\nendobj\n"
add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
c = rc4(okey(4), zlib.compress(content))
add(4, b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
s = rc4(okey(6), zlib.compress(osdata))
add(6, b"<< /Type /ObjStm /N 2 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (first, len(s)) + s + b"\nendstream")
add(7, b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (O.hex().encode(), U.hex().encode(), P))
xo = len(out)
rows = bytes([0,0,0,0,0,255])
for i in range(1, 10):
    if i in (5, 8): rows += bytes([2]) + (6).to_bytes(4,"big") + bytes([0 if i == 5 else 1])
    elif i == 9: rows += bytes([1]) + xo.to_bytes(4,"big") + bytes([0])
    else: rows += bytes([1]) + offs[i].to_bytes(4,"big") + bytes([0])
x = zlib.compress(rows)
out += b"9 0 obj\n<< /Type /XRef /Size 10 /W [1 4 1] /Root 1 0 R /Encrypt 7 0 R /ID [<%s> <%s>] /Filter /FlateDecode /Length %d >>\nstream\n" % (ID.hex().encode(), ID.hex().encode(), len(x)) + x + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xo
open(__import__("sys").argv[2], "wb").write(out)
print(len(s))
