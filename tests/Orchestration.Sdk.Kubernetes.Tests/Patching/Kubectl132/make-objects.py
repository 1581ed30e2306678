import json, copy
old_manifest = {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web","tier":"frontend"}},
 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
 "spec":{"containers":[{"name":"web","image":"nginx:1.25","ports":[{"containerPort":80}],"env":[{"name":"MODE","value":"prod"},{"name":"DEBUG","value":"0"}]},
                        {"name":"sidecar","image":"busybox:1.36","args":["sleep","3600"]}]}}}}
def template(img, extra=None):
    t = copy.deepcopy(old_manifest["spec"]["template"]); t["spec"]["containers"][0]["image"]=img
    for c in t["spec"]["containers"]:
        c.setdefault("imagePullPolicy","IfNotPresent"); c.setdefault("terminationMessagePath","/dev/termination-log"); c.setdefault("terminationMessagePolicy","File"); c.setdefault("resources",{})
    t["spec"].update({"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"})
    return t
live = copy.deepcopy(old_manifest)
live["metadata"].update({"uid":"d-uid-1","resourceVersion":"42","generation":2,"creationTimestamp":"2026-01-01T00:00:00Z",
  "annotations":{"deployment.kubernetes.io/revision":"2","kubectl.kubernetes.io/last-applied-configuration":json.dumps(old_manifest,separators=(',',':'))+"\n"}})
live["spec"]["template"]=template("nginx:1.25")
live["spec"].update({"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600})
live["status"]={"observedGeneration":2,"replicas":3,"readyReplicas":3,"updatedReplicas":3,"availableReplicas":3}
def rs(rev, img, h):
    t=template(img); t["metadata"]["labels"]["pod-template-hash"]=h
    return {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-"+h,"namespace":"default","uid":"rs-"+h,"labels":{"app":"web","pod-template-hash":h},
      "annotations":{"deployment.kubernetes.io/revision":str(rev),"deployment.kubernetes.io/desired-replicas":"3","deployment.kubernetes.io/max-replicas":"4"},
      "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d-uid-1","controller":True,"blockOwnerDeletion":True}]},
      "spec":{"replicas":3 if rev==2 else 0,"selector":{"matchLabels":{"app":"web","pod-template-hash":h}},"template":t}}
rsl={"apiVersion":"apps/v1","kind":"ReplicaSetList","metadata":{"resourceVersion":"50"},"items":[rs(1,"nginx:1.24","aaa111"),rs(2,"nginx:1.25","bbb222")]}
objs={"/apis/apps/v1/namespaces/default/deployments/web":live,"/apis/apps/v1/namespaces/default/replicasets":rsl,
      "/api/v1/namespaces/default/pods/p1":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p1","namespace":"default","uid":"p-1","resourceVersion":"7","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"busybox"}]}}}
json.dump(objs,open("objects.json","w"),indent=1)
new_manifest = copy.deepcopy(old_manifest)
new_manifest["metadata"]["labels"].pop("tier"); new_manifest["metadata"]["labels"]["team"]="shop"
new_manifest["spec"]["replicas"]=4
c=new_manifest["spec"]["template"]["spec"]["containers"]
c[0]["image"]="nginx:1.26"; c[0]["env"]=[{"name":"MODE","value":"prod"},{"name":"LOG","value":"info"}]; c[0]["ports"].append({"containerPort":443})
c.reverse()
json.dump(new_manifest,open("apply.json","w"),indent=1)
json.dump(live,open("live.json","w"),indent=1)
