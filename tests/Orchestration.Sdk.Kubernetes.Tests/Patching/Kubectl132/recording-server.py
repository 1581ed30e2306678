import json, sys, http.server, urllib.parse, os
LOG = open('/tmp/kpatch-rec/requests.log','a')
OBJS = json.load(open('/tmp/kpatch-rec/objects.json'))
def res(name, kind, ns=True, sub=()):
    r=[{"name":name,"singularName":kind.lower(),"namespaced":ns,"kind":kind,"verbs":["create","delete","get","list","patch","update","watch"]}]
    for s in sub: r.append({"name":name+"/"+s,"singularName":"","namespaced":ns,"kind":kind,"verbs":["get","patch","update"]})
    return r
DISC = {
 "/api": {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]},
 "/apis": {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}]},
 "/api/v1": {"kind":"APIResourceList","groupVersion":"v1","resources":res("pods","Pod")+res("services","Service")+res("configmaps","ConfigMap")},
 "/apis/apps/v1": {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":res("deployments","Deployment",sub=("scale","status"))+res("replicasets","ReplicaSet")},
}
class H(http.server.BaseHTTPRequestHandler):
    def send(self, code, obj, ctype='application/json'):
        b=json.dumps(obj).encode(); self.send_response(code); self.send_header('Content-Type',ctype); self.send_header('Content-Length',str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        p=urllib.parse.urlparse(self.path).path
        if p in DISC: return self.send(200, DISC[p])
        if p in OBJS: return self.send(200, OBJS[p])
        self.send(404, {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"})
    def do_PATCH(self):
        n=int(self.headers.get('Content-Length','0')); body=self.rfile.read(n).decode()
        p=urllib.parse.urlparse(self.path).path
        LOG.write(json.dumps({"tag":os.environ.get('TAG',''),"path":self.path,"contentType":self.headers.get('Content-Type'),"body":json.loads(body)})+"\n"); LOG.flush()
        base=p.rsplit('/scale',1)[0]
        self.send(200, OBJS.get(base, {}))
    def log_message(self,*a): pass
http.server.ThreadingHTTPServer(('127.0.0.1',int(sys.argv[1])),H).serve_forever()
