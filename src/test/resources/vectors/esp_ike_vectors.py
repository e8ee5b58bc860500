import hmac, hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
h=bytes.fromhex
# ESP: AES-128-CBC + HMAC-SHA1-96
enc=h('000102030405060708090a0b0c0d0e0f'); auth=h('101112131415161718191a1b1c1d1e1f20212223')
spi=h('12345678'); seq=h('00000001'); iv=h('f0e0d0c0b0a090807060504030201000')
payload=h('06a506a5001400000000c8020000000000000000')[:8]+b'L2TP-data-12'  # UDP hdr + 12 bytes
# fix UDP length
payload=bytes.fromhex('06a506a50014 0000'.replace(' ',''))+b'L2TP-data-12'
n=len(payload); pad=(16-(n+2)%16)%16
pt=payload+bytes(range(1,pad+1))+bytes([pad,17])
c=Cipher(algorithms.AES(enc),modes.CBC(iv)).encryptor(); ct=c.update(pt)+c.finalize()
pkt=spi+seq+iv+ct; icv=hmac.new(auth,pkt,hashlib.sha1).digest()[:12]
print('CBC_PKT', (pkt+icv).hex())
# GCM-128 with salt, IV = 0000000000000001 (seq)
key=h('feffe9928665731c6d6a8f9467308308'); salt=h('cafebabe')
iv8=h('0000000000000001'); nonce=salt+iv8
n=len(payload); pad=(4-(n+2)%4)%4
pt=payload+bytes(range(1,pad+1))+bytes([pad,17])
ctag=AESGCM(key).encrypt(nonce, pt, spi+seq)
print('GCM_PKT', (spi+seq+iv8+ctag).hex())
# 3DES-CBC + HMAC-MD5-96
k3=h('0123456789abcdef23456789abcdef01456789abcdef0123'); am=h('00112233445566778899aabbccddeeff'); iv3=h('0102030405060708')
n=len(payload); pad=(8-(n+2)%8)%8
pt=payload+bytes(range(1,pad+1))+bytes([pad,17])
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
c=Cipher(TripleDES(k3),modes.CBC(iv3)).encryptor(); ct=c.update(pt)+c.finalize()
pkt=spi+seq+iv3+ct; icv=hmac.new(am,pkt,hashlib.md5).digest()[:12]
print('TDES_PKT', (pkt+icv).hex())
# IKE phase 1 (RFC 2409 5, appendix B) with HMAC-SHA1, 3DES key of 24 bytes
psk=b'interop-psk'; ni=h('11'*16); nr=h('22'*32); gxy=h('33'*128); ci=h('0102030405060708'); cr=h('a1a2a3a4a5a6a7a8')
prf=lambda k,*p: hmac.new(k,b''.join(p),hashlib.sha1).digest()
skeyid=prf(psk,ni,nr); d=prf(skeyid,gxy,ci,cr,b'\0'); a=prf(skeyid,d,gxy,ci,cr,b'\1'); e=prf(skeyid,a,gxy,ci,cr,b'\2')
k1=prf(e,b'\0'); k2=prf(e,k1); enckey=(k1+k2)[:24]
print('SKEYID', skeyid.hex()); print('SKEYID_d', d.hex()); print('SKEYID_a', a.hex()); print('SKEYID_e', e.hex()); print('ENCKEY', enckey.hex())
gxi=h('44'*128); gxr=h('55'*128)
print('IV0', hashlib.sha1(gxi+gxr).digest()[:8].hex())
print('IVQM', hashlib.sha1(h('66'*8)+h('0badcafe')).digest()[:8].hex())
# KEYMAT for ESP 3DES+SHA1: 24+20 = 44 bytes, no PFS
spi2=h('c0ffee01'); nq=h('77'*16); nrq=h('88'*32)
k=b''; out=b''
while len(out)<44:
    k=prf(d,k,bytes([3]),spi2,nq,nrq); out+=k
print('KEYMAT', out[:44].hex())
